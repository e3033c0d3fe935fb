import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../outbox/event-envelope';

/** A probe event for the transport's own tests: outside the product's contract, its key as its whole payload. */
export const probeEvent = (topic: string, key: string): EventEnvelope => ({
  id: randomUUID(),
  topic,
  key,
  source: 'test',
  occurredAt: new Date().toISOString(),
  payload: { key },
});
