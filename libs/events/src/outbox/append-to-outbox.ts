import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';
import { outboxTraceparent } from './event-trace';
import { markOutboxAppended } from './outbox-commit-hook';

export type NewOutboxEvent = {
  topic: string;
  /** The aggregate the event is about, e.g. an incident id. */
  key: string;
  payload: Record<string, unknown>;
  /** Defaults to now. */
  occurredAt?: Date;
};

/**
 * Records an event inside the caller's transaction (pass the transaction's `manager`): the event
 * exists exactly when the change it describes was committed. Returns the event id.
 */
export async function appendToOutbox(manager: EntityManager, event: NewOutboxEvent): Promise<string> {
  const id = randomUUID();
  await manager.insert(OutboxEvent, {
    id,
    topic: event.topic,
    aggregateKey: event.key,
    payload: JSON.stringify(event.payload),
    occurredAt: event.occurredAt ?? new Date(),
    publishedAt: null,
    traceparent: outboxTraceparent(event.topic, id),
  });
  // Lets the relay publish right after this transaction commits instead of at its next poll.
  markOutboxAppended(manager);
  return id;
}
