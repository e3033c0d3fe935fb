import type { z } from 'zod';
import type { EventEnvelope } from '../outbox/event-envelope';
import { describeIssues } from './describe-issues';
import { EVENT_PAYLOADS, isEventTopic, type EventPayload, type EventTopic } from './event-payloads';

/** An event of the product, its payload checked against its topic's schema. */
export type ProductEvent = { [T in EventTopic]: EventEnvelope<EventPayload<T>> & { topic: T } }[EventTopic];

/** One topic's events; narrows a {@link ProductEvent} by `topic`. */
export type ProductEventOf<T extends EventTopic> = Extract<ProductEvent, { topic: T }>;

export type DecodedEvent = { ok: true; event: ProductEvent } | { ok: false; reason: string };

/**
 * Checks an envelope against the contract: a known topic, a payload version the contract has,
 * and a payload of that version's shape. The decoded payload keeps fields the schema does not name.
 */
export function decodeEvent(envelope: EventEnvelope<unknown>): DecodedEvent {
  if (!isEventTopic(envelope.topic)) return { ok: false, reason: `unknown topic ${JSON.stringify(envelope.topic)}` };
  const payload = envelope.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, reason: 'payload is not an object' };
  const version = (payload as { v?: unknown }).v ?? 1;
  const versions: Record<string, z.ZodType> = EVENT_PAYLOADS[envelope.topic];
  const schema = typeof version === 'number' ? versions[version] : undefined;
  if (!schema) return { ok: false, reason: `no schema version ${JSON.stringify(version)} for ${envelope.topic}` };
  const result = schema.safeParse(payload);
  if (!result.success) return { ok: false, reason: describeIssues(result.error) };
  return { ok: true, event: { ...envelope, payload: result.data } as ProductEvent };
}

/** The event as one of `topics`, or null when it is another topic's (for handlers that follow a few). */
export function eventOf<T extends EventTopic>(event: ProductEvent, ...topics: T[]): ProductEventOf<T> | null {
  return (topics as EventTopic[]).includes(event.topic) ? (event as ProductEventOf<T>) : null;
}
