import { INCIDENT_TOPICS } from '../incident/incident-topics';

/**
 * Event types partners may receive: every topic on the event stream that concerns a customer's
 * case. Replacement and visit topics are published by logistics and dispatch; they are named
 * here, not imported, because subgraphs meet only through events and federation keys.
 */
export const WEBHOOK_EVENT_TYPES: readonly string[] = [
  ...Object.values(INCIDENT_TOPICS),
  'replacement.ordered',
  'replacement.eta-changed',
  'replacement.delivered',
  'replacement.return-invoiced',
  'visit.changed',
];

export function isWebhookEventType(topic: string): boolean {
  return WEBHOOK_EVENT_TYPES.includes(topic);
}
