import type { EntityManager } from 'typeorm';
import { appendToOutbox, checkedOutboxEvent, type ReplacementTopic } from '@polyplus/events';
import type { ReplacementOrder } from './replacement-order.entity';

/**
 * Records a replacement order event in the caller's transaction (the outbox relay publishes it).
 * `occurredAt` is the service's "now" (a test clock moves it); consumers date what they do by it.
 */
export function publishReplacementEvent(
  manager: EntityManager,
  topic: ReplacementTopic,
  order: ReplacementOrder,
  extra: Record<string, unknown> = {},
  occurredAt?: Date,
) {
  // `extra` differs by topic (a delivery's date, an invoice's amount): checked against the topic's schema here.
  return appendToOutbox(
    manager,
    checkedOutboxEvent(topic, {
      key: order.id,
      occurredAt,
      payload: {
        orderId: order.id,
        incidentId: order.incidentId,
        status: order.status,
        expectedDeliveryAt: order.expectedDeliveryAt?.toISOString() ?? null,
        ...extra,
      },
    }),
  );
}
