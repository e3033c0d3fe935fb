/** BullMQ queue of webhook deliveries (under `queuePrefix()`), named in the product's list of queues. */
export { WEBHOOK_DELIVERY_QUEUE } from '@polyplus/events';

export const DELIVER_WEBHOOK = 'deliver';

/** The custom backoff type the delivery worker implements with the retry schedule. */
export const WEBHOOK_BACKOFF = 'webhook';

export type WebhookDeliveryJob = { endpointId: string; eventId: string };

/**
 * The job id of one event for one endpoint. It is the idempotency key `<endpointId>:<eventId>`
 * with `_` for `:`, because BullMQ refuses custom ids with a single colon.
 */
export function webhookJobId(endpointId: string, eventId: string): string {
  return `${endpointId}_${eventId}`;
}
