import { decodeEvent, type ProductEvent } from '../contract/decode-event';
import type { EventEnvelope } from '../outbox/event-envelope';

/** An event as a consumer receives it, for tests that call a handler directly: a fixture the contract refuses fails the test here. */
export function decodedEvent(envelope: EventEnvelope<unknown>): ProductEvent {
  const result = decodeEvent(envelope);
  if (!result.ok) throw new Error(`${envelope.topic} fixture refused by the event contract: ${result.reason}`);
  return result.event;
}
