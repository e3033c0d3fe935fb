// Which live events re-read a view. urql re-runs a query when an event names a type its last
// answer contained; an empty list names none, so each view says what it shows. Stable objects:
// a new context on every render would restart the query.
export const CASES_CONTEXT = { additionalTypenames: ['Incident'] };
export const VISITS_CONTEXT = { additionalTypenames: ['Incident', 'OnsiteVisit'] };
export const NOTICES_CONTEXT = { additionalTypenames: ['SecurityNotice'] };
export const OVERVIEW_CONTEXT = { additionalTypenames: ['Incident', 'OnsiteVisit', 'SecurityNotice'] };
