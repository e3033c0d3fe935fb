import { SECURITY_NOTICE_PUBLISHED } from '@polyplus/events';
import { INCIDENT_TOPICS } from '../incident/incident-topics';

/**
 * Event types partners may receive: every topic on the event stream that concerns a customer's
 * case, and the security and privacy notices published to a customer (one event per affected
 * customer, so an endpoint receives only those of the customers that authorised its partner).
 * Replacement and visit topics are published by logistics and dispatch; they are named here, not
 * imported, because subgraphs meet only through events and federation keys.
 */
export const WEBHOOK_EVENT_TYPES: readonly string[] = [
  ...Object.values(INCIDENT_TOPICS),
  'replacement.ordered',
  'replacement.eta-changed',
  'replacement.delivered',
  'replacement.return-invoiced',
  'visit.changed',
  SECURITY_NOTICE_PUBLISHED,
];

export function isWebhookEventType(topic: string): boolean {
  return WEBHOOK_EVENT_TYPES.includes(topic);
}
