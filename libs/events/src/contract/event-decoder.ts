import type { EventEnvelope } from '../outbox/event-envelope';
import { decodeEvent, type ProductEventOf } from './decode-event';
import type { EventTopic } from './event-payloads';

/** Turns an envelope read from the stream into the event a handler works with, or says why it cannot. */
export type EventDecoder<E extends EventEnvelope> = (envelope: EventEnvelope) => { ok: true; event: E } | { ok: false; reason: string };

/**
 * The contract's decoder for a handler that follows only `topics`: an event of one of them decodes
 * to that topic's typed event ({@link decodeEvent}); another topic, or a payload its schema refuses,
 * does not decode, and the reason says which.
 */
export function decoderFor<T extends EventTopic>(
  topics: readonly T[],
): (envelope: EventEnvelope<unknown>) => ReturnType<EventDecoder<ProductEventOf<T>>> {
  const followed: readonly string[] = topics;
  return (envelope) => {
    if (!followed.includes(envelope.topic)) return { ok: false, reason: `topic ${JSON.stringify(envelope.topic)} is not followed here` };
    const decoded = decodeEvent(envelope);
    return decoded.ok ? { ok: true, event: decoded.event as ProductEventOf<T> } : decoded;
  };
}
