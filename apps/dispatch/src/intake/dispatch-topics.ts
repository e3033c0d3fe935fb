/**
 * Topics dispatch consumes from the event stream. Logistics and incidents own them; the names and
 * payload fields are the contract (apps/logistics replacement-events.ts, apps/incidents incident-topics.ts).
 */
export const CONSUMED_TOPICS = {
  replacementOrdered: 'replacement.ordered',
  replacementEtaChanged: 'replacement.eta-changed',
  replacementDelivered: 'replacement.delivered',
  incidentStatusChanged: 'incident.status-changed',
} as const;

export type ReplacementEventPayload = {
  orderId: string;
  incidentId: string;
  status?: string;
  /** ISO instant; null while the part is back-ordered. */
  expectedDeliveryAt: string | null;
  deliveredAt?: string;
};

export type IncidentStatusPayload = { incidentId: string; status: string };

/** A case in one of these states needs no technician any more. */
export const CLOSED_CASE_STATUSES = ['RESOLVED', 'CLOSED'];
