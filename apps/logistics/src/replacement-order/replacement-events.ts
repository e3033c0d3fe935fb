import type { EntityManager } from 'typeorm';
import { appendToOutbox } from '@polyplus/events';
import type { ReplacementOrder } from './replacement-order.entity';

/** Topics logistics publishes; dispatch re-plans onsite visits on the ETA ones, notifications mails customers. */
export const REPLACEMENT_TOPICS = {
  ordered: 'replacement.ordered',
  shipped: 'replacement.shipped',
  etaChanged: 'replacement.eta-changed',
  delivered: 'replacement.delivered',
  returnInvoiced: 'replacement.return-invoiced',
} as const;

/**
 * Records a replacement order event in the caller's transaction (the outbox relay publishes it).
 * `occurredAt` is the service's "now" (a test clock moves it); consumers date what they do by it.
 */
export function publishReplacementEvent(
  manager: EntityManager,
  topic: string,
  order: ReplacementOrder,
  extra: Record<string, unknown> = {},
  occurredAt?: Date,
) {
  return appendToOutbox(manager, {
    topic,
    key: order.id,
    occurredAt,
    payload: {
      orderId: order.id,
      incidentId: order.incidentId,
      status: order.status,
      expectedDeliveryAt: order.expectedDeliveryAt?.toISOString() ?? null,
      ...extra,
    },
  });
}
