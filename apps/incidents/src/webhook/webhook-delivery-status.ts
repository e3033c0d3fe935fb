import { registerEnumType } from 'type-graphql';

/**
 * PENDING until an attempt is accepted (DELIVERED) or the retries run out or the URL is refused
 * (FAILED); SKIPPED when the endpoint was disabled before the delivery could be made.
 */
export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}

registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

/** One HTTP attempt: the receiver answered 2xx, did not (or not in time), or the URL was refused before sending. */
export enum WebhookAttemptOutcome {
  ACCEPTED = 'ACCEPTED',
  FAILED = 'FAILED',
  REFUSED = 'REFUSED',
}

registerEnumType(WebhookAttemptOutcome, { name: 'WebhookAttemptOutcome' });
