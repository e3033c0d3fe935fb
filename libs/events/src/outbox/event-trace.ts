import { contextFromTraceparent, inSpan, producerTraceparent, SpanKind } from '@polyplus/telemetry';
import type { EventEnvelope } from './event-envelope';

// The column's width: a version-00 traceparent, the only one the W3C propagator writes.
const TRACEPARENT_LENGTH = 55;

/** The `traceparent` to store with a new outbox event: a PRODUCER span in the writer's trace. */
export function outboxTraceparent(topic: string, eventId: string): string | null {
  const traceparent = producerTraceparent(`${topic} publish`, {
    'messaging.system': 'redis-streams',
    'messaging.operation.type': 'send',
    'messaging.message.id': eventId,
    'messaging.destination.name': topic,
  });
  // Never let a trace header fail the business transaction: one that would not fit is left out.
  return traceparent && traceparent.length <= TRACEPARENT_LENGTH ? traceparent : null;
}

/**
 * Runs a consumer group's handling of one event in a CONSUMER span, child of the PRODUCER span the
 * event was written under (its `traceparent`); events from before traces were stored start a trace.
 */
export function inEventSpan<T>(group: string, event: EventEnvelope, work: () => Promise<T>): Promise<T> {
  return inSpan(
    `${event.topic} process`,
    {
      kind: SpanKind.CONSUMER,
      parent: contextFromTraceparent(event.traceparent),
      attributes: {
        'messaging.system': 'redis-streams',
        'messaging.operation.type': 'process',
        'messaging.consumer.group.name': group,
        'messaging.message.id': event.id,
        'messaging.destination.name': event.topic,
        'polyplus.event.source': event.source,
      },
    },
    () => work(),
  );
}
