import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';
import { outboxTraceparent } from './event-trace';
import { markOutboxAppended } from './outbox-commit-hook';
import { currentPayloadSchema, type EventPayloadInput, type EventTopic } from '../contract/event-payloads';
import { describeIssues } from '../contract/describe-issues';

type OutboxRow<TTopic extends string, TPayload> = {
  topic: TTopic;
  /** The aggregate the event is about, e.g. an incident id. */
  key: string;
  payload: TPayload;
  /** Defaults to now. */
  occurredAt?: Date;
};

/** An event of the product: the payload must have its topic's shape (a mismatch is a type error). */
export type NewOutboxEvent<T extends EventTopic = EventTopic> = { [K in T]: OutboxRow<K, EventPayloadInput<K>> }[T];

/**
 * Records an event inside the caller's transaction (pass the transaction's `manager`): the event
 * exists exactly when the change it describes was committed. Returns the event id.
 */
export function appendToOutbox<T extends EventTopic>(manager: EntityManager, event: NewOutboxEvent<T>): Promise<string> {
  return insertOutboxRow(manager, event);
}

/**
 * For the event transport's own tests: a `probe.*` event, outside the product's contract, whose
 * payload nothing checks. Consumers read it only with the `anyEvent` decoder.
 */
export function appendProbeEvent(manager: EntityManager, event: OutboxRow<`probe.${string}`, Record<string, unknown>>): Promise<string> {
  return insertOutboxRow(manager, event);
}

async function insertOutboxRow(manager: EntityManager, event: OutboxRow<string, unknown>): Promise<string> {
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

/**
 * An outbox event for a topic chosen at run time, its payload checked against the topic's schema
 * now, in the producer's transaction: a payload of the wrong shape throws (naming the fields) and
 * nothing is written. For producers whose payload the compiler cannot tie to one topic.
 */
export function checkedOutboxEvent(topic: EventTopic, event: Omit<OutboxRow<string, unknown>, 'topic'>): NewOutboxEvent {
  const schema = currentPayloadSchema(topic);
  const result = schema.safeParse(event.payload);
  if (!result.success) throw new Error(`${topic} payload refused by the event contract: ${describeIssues(result.error)}`);
  return { ...event, topic, payload: event.payload } as NewOutboxEvent;
}
