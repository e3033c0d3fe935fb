import { queuePrefix } from '../queues';

/**
 * What travels on the event stream. `id` is the outbox row's UUID: a relay that crashed after
 * publishing re-sends the same id, so consumers apply each id once.
 */
export type EventEnvelope<TPayload = Record<string, unknown>> = {
  id: string;
  topic: string;
  /** The aggregate the event is about, e.g. an incident id. */
  key: string;
  /** The service whose outbox produced it, e.g. `incidents`. */
  source: string;
  occurredAt: string;
  payload: TPayload;
  /** W3C trace context of the change that produced it; absent on events written before traces were kept. */
  traceparent?: string;
};

/**
 * The one Redis Stream all services publish to: `<queuePrefix()>:events`. One stream keeps the
 * order across topics and lets a consumer group see everything; consumers filter by `topic`.
 */
export function eventStreamKey(prefix: string = queuePrefix()): string {
  return `${prefix}:events`;
}

/** Stream entry fields (flat strings, as XADD stores them). */
export function toStreamFields(envelope: EventEnvelope): string[] {
  return [
    'id',
    envelope.id,
    'topic',
    envelope.topic,
    'key',
    envelope.key,
    'source',
    envelope.source,
    'occurredAt',
    envelope.occurredAt,
    'payload',
    JSON.stringify(envelope.payload),
    ...(envelope.traceparent ? ['traceparent', envelope.traceparent] : []),
  ];
}

export function fromStreamFields(fields: string[]): EventEnvelope {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i], fields[i + 1]);
  return {
    id: map.get('id') ?? '',
    topic: map.get('topic') ?? '',
    key: map.get('key') ?? '',
    source: map.get('source') ?? '',
    occurredAt: map.get('occurredAt') ?? '',
    payload: JSON.parse(map.get('payload') ?? '{}') as Record<string, unknown>,
    ...(map.get('traceparent') ? { traceparent: map.get('traceparent') } : {}),
  };
}
