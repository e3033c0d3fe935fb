import type { EventEnvelope } from '../outbox/event-envelope';

/** Turns an envelope read from the stream into the event a handler works with, or says why it cannot. */
export type EventDecoder<E extends EventEnvelope> = (envelope: EventEnvelope) => { ok: true; event: E } | { ok: false; reason: string };

/**
 * Hands every envelope on as read, for the transport's own tests, whose probe events are not part
 * of the product's contract.
 */
export const anyEvent: EventDecoder<EventEnvelope> = (envelope) => ({ ok: true, event: envelope });
