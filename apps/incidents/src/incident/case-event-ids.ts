import type { Incident } from './incident.entity';

/** The ids every event about a case carries: the case, and the customer whose subscribers and partners may see it. */
export function caseEventIds(incident: Pick<Incident, 'id' | 'customerId'>): { incidentId: string; customerId: string } {
  return { incidentId: incident.id, customerId: incident.customerId };
}
