import { SpanStatusCode } from '@opentelemetry/api';
import { startInMemoryTracing, type InMemoryTracing } from './testing/in-memory-tracing';
import { inSpan } from './in-span';
import { inJobSpan, withTraceparent } from './job-trace';

class DelayedError extends Error {
  constructor() {
    super('delayed');
    this.name = 'DelayedError';
  }
}

// One for the file: the product's tracer binds to the first provider it meets.
let tracing: InMemoryTracing;
beforeAll(() => {
  tracing = startInMemoryTracing();
});
afterAll(() => tracing.stop());

const spanNamed = (name: string) => tracing.spans().find((span) => span.name === name);

describe('trace context in job data', () => {
  it('a job enqueued within a request carries its traceparent, and the worker’s span is the request span’s child', async () => {
    const data = await inSpan('request', {}, async () => withTraceparent({ region: 'UK-E' }));
    await inJobSpan('dispatch-optimisation', { id: '7', name: 'optimise-region', data }, async () => undefined);
    const request = spanNamed('request');
    const run = spanNamed('dispatch-optimisation process');
    expect(data).toEqual({ region: 'UK-E', traceparent: `00-${request?.spanContext().traceId}-${request?.spanContext().spanId}-01` });
    expect(run?.spanContext().traceId).toBe(request?.spanContext().traceId);
    expect(run?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
    expect(run?.attributes).toMatchObject({
      'messaging.system': 'bullmq',
      'messaging.destination.name': 'dispatch-optimisation',
      'messaging.message.id': '7',
    });
  });

  it('a job enqueued outside any trace carries no traceparent, and its run starts a trace of its own', async () => {
    const data = withTraceparent({ returnId: 'r1' });
    expect(data).toEqual({ returnId: 'r1' });
    await inJobSpan('return-deadline', { name: 'invoice-if-late', data }, async () => undefined);
    const run = spanNamed('return-deadline process');
    expect(run?.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(run?.parentSpanContext).toBeUndefined();
  });

  it('a job put back to wait (BullMQ’s DelayedError) ends its span without failing it; a real failure marks it failed', async () => {
    await expect(inJobSpan('escalation', { name: 'escalate', data: {} }, async () => Promise.reject(new DelayedError()))).rejects.toThrow(
      'delayed',
    );
    await expect(
      inJobSpan('mail-delivery', { name: 'send-mail', data: {} }, async () => Promise.reject(new Error('SMTP refused'))),
    ).rejects.toThrow('SMTP refused');
    expect(spanNamed('escalation process')?.status.code).toBe(SpanStatusCode.UNSET);
    expect(spanNamed('mail-delivery process')?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'SMTP refused' });
  });
});
