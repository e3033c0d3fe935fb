// The scheduler records why it left a visit without a slot as a code; planners read a sentence.
const REASONS: Record<string, string> = {
  PART_ETA_UNKNOWN: 'Waiting for a delivery date: the replacement part is back-ordered.',
  NO_SKILLED_TECHNICIAN: 'No technician in the region holds the skills this visit needs.',
  NO_FEASIBLE_SLOT: 'No slot fits the site’s business hours, the part’s arrival and the shifts in the planning horizon.',
  RELEASE_AFTER_HORIZON: 'The part arrives after the planning horizon; the visit will be planned closer to the day.',
  NO_ROOM_IN_PLAN: 'Every suitable technician is fully booked in the planning horizon.',
  OVER_CAPACITY: 'Every suitable technician is fully booked in the planning horizon.',
  PIN_CONFLICT: 'Its pin cannot be kept: the pinned technician can no longer take it there.',
  NO_SITE_LOCATION: 'The site has no location to plan travel with.',
  INVALID_SITE_CALENDAR: 'The site’s calendar (time zone or country) is not valid.',
};

/** A planner-readable reason for an unplanned visit; codes this page does not know are shown as they are. */
export function describeUnassignedReason(reason: string | null): string {
  if (!reason) return 'Waiting for the next planning run.';
  return REASONS[reason] ?? reason;
}
