import { INCIDENT_TOPICS, REPLACEMENT_TOPICS, SECURITY_NOTICE_PUBLISHED, VISIT_CHANGED } from '@polyplus/events';

/** Comments and attachments are read through the API by those who may read them; they are not announced to partners. */
const NOT_DELIVERED: readonly string[] = [INCIDENT_TOPICS.commentAdded, INCIDENT_TOPICS.attachmentAdded];

/**
 * Event types partners may receive: every topic on the event stream that concerns a customer's
 * case, and the security and privacy notices published to a customer (one event per affected
 * customer, so an endpoint receives only those of the customers that authorised its partner).
 */
export const WEBHOOK_EVENT_TYPES: readonly string[] = [
  ...Object.values(INCIDENT_TOPICS).filter((topic) => !NOT_DELIVERED.includes(topic)),
  REPLACEMENT_TOPICS.ordered,
  REPLACEMENT_TOPICS.etaChanged,
  REPLACEMENT_TOPICS.delivered,
  REPLACEMENT_TOPICS.returnInvoiced,
  VISIT_CHANGED,
  SECURITY_NOTICE_PUBLISHED,
];

export function isWebhookEventType(topic: string): boolean {
  return WEBHOOK_EVENT_TYPES.includes(topic);
}
