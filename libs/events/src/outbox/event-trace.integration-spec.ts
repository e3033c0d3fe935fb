import { randomUUID } from 'node:crypto';
import { anyEvent } from '../testing/any-event';
import { SpanKind, trace } from '@opentelemetry/api';
import type { TestDatabase } from '@polyplus/persistence';
import { outboxTestDatabase } from '../testing/outbox-test-database';
import { inSpan, startInMemoryTracing, type InMemoryTracing } from '@polyplus/telemetry';
import { createRedis } from '../redis';
import { deleteKeysMatching } from '../delete-keys';
import { appendProbeEvent } from './append-to-outbox';
import { eventStreamKey, type EventEnvelope } from './event-envelope';
import { publishToStream, startOutboxRelay } from './outbox-relay';
import { consumeEvents } from './event-consumer';
import { until } from '@polyplus/polling';

describe('trace context through the outbox', () => {
  const prefix = `test-outbox-trace-${randomUUID()}`;
  const stream = eventStreamKey(prefix);
  const redis = createRedis('worker');
  const producer = createRedis('producer');
  let tracing: InMemoryTracing;
  let db: TestDatabase;

  beforeAll(async () => {
    // On before the database opens: its query runners are hooked for SQL spans at creation.
    tracing = startInMemoryTracing();
    db = await outboxTestDatabase('events_outbox_trace');
  }, 180_000);

  afterAll(async () => {
    await deleteKeysMatching(redis, `${prefix}:*`);
    redis.disconnect();
    producer.disconnect();
    await db?.drop();
    await tracing?.stop();
  }, 60_000);

  it('an event written in a traced request reaches its consumer in the same trace: request → SQL insert and PRODUCER span → CONSUMER span → the handler’s work', async () => {
    const handled: { event: EventEnvelope; traceId?: string }[] = [];
    const consumer = await consumeEvents({
      redis,
      // Probe topics, not the product's: handed on as read.
      decode: anyEvent,
      stream,
      group: 'traced',
      consumer: 'c1',
      blockMs: 200,
      handler: async (event) => {
        handled.push({ event, traceId: trace.getActiveSpan()?.spanContext().traceId });
      },
    });
    const { traceId, eventId } = await inSpan('request', { kind: SpanKind.SERVER }, async (span) => ({
      traceId: span.spanContext().traceId,
      eventId: await db.dataSource.transaction((manager) =>
        appendProbeEvent(manager, { topic: 'probe.traced', key: 'k1', payload: { n: 1 } }),
      ),
    }));
    const relay = startOutboxRelay({ dataSource: db.dataSource, redis: producer, source: 'probe', stream, pollMs: 50 });
    await until(() => handled.length === 1, 'the traced event to be handled');
    await relay.stop();
    await consumer.stop();

    const spans = tracing.spans().filter((span) => span.spanContext().traceId === traceId);
    const named = (name: string) => spans.find((span) => span.name === name);
    const request = named('request');
    const publish = named('probe.traced publish');
    const processing = named('probe.traced process');
    expect(publish).toMatchObject({ kind: SpanKind.PRODUCER, parentSpanContext: { spanId: request?.spanContext().spanId } });
    expect(processing).toMatchObject({ kind: SpanKind.CONSUMER, parentSpanContext: { spanId: publish?.spanContext().spanId } });
    expect(processing?.attributes).toMatchObject({ 'messaging.message.id': eventId, 'messaging.consumer.group.name': 'traced' });
    expect(handled[0]).toMatchObject({ traceId, event: { id: eventId, traceparent: `00-${traceId}-${publish?.spanContext().spanId}-01` } });
    // The INSERT is a SQL span of the request, with placeholders where the values were.
    const insert = spans.find(
      (span) => span.name.startsWith('INSERT ') && String(span.attributes['db.query.text']).includes('outbox_event'),
    );
    expect(insert?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
    expect(String(insert?.attributes['db.query.text'])).toContain('?');
    expect(String(insert?.attributes['db.query.text'])).not.toContain(eventId);
  });

  it('an entry without a traceparent (written before traces were kept) is handled as before, in a trace of its own; the relay’s polls record nothing', async () => {
    const handled: { event: EventEnvelope; traceId?: string }[] = [];
    const consumer = await consumeEvents({
      redis,
      // Probe topics, not the product's: handed on as read.
      decode: anyEvent,
      stream,
      group: 'untraced',
      consumer: 'c1',
      blockMs: 200,
      topics: ['probe.untraced'],
      handler: async (event) => {
        handled.push({ event, traceId: trace.getActiveSpan()?.spanContext().traceId });
      },
    });
    const before = tracing.spans().length;
    const relay = startOutboxRelay({ dataSource: db.dataSource, redis: producer, source: 'probe', stream, pollMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await relay.stop();
    // Polling an outbox outside any request starts no traces.
    expect(tracing.spans().slice(before)).toEqual([]);

    const id = randomUUID();
    await publishToStream(producer, stream, [
      { id, topic: 'probe.untraced', key: 'k2', source: 'older', occurredAt: new Date().toISOString(), payload: { n: 2 } },
    ]);
    await until(() => handled.length === 1, 'the untraced event to be handled');
    await consumer.stop();
    expect(handled[0].event).toEqual({
      id,
      topic: 'probe.untraced',
      key: 'k2',
      source: 'older',
      occurredAt: expect.any(String),
      payload: { n: 2 },
    });
    const processing = tracing.spans().find((span) => span.attributes['messaging.message.id'] === id);
    expect(processing?.parentSpanContext).toBeUndefined();
    expect(handled[0].traceId).toBe(processing?.spanContext().traceId);
  });
});
