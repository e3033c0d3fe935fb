import { context, propagation, trace, ProxyTracerProvider } from '@opentelemetry/api';
import { BasicTracerProvider, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { otlpTracesUrl, startTracing } from './start-tracing';
import { tracingEnabled } from './tracing-state';
import { inSpan } from './in-span';
import { currentTraceparent } from './trace-context';

afterEach(() => {
  trace.disable();
  context.disable();
  propagation.disable();
});

/** What the global API delegates to: its no-op provider until an SDK provider is registered. */
const registeredProvider = () => (trace.getTracerProvider() as ProxyTracerProvider).getDelegate();

describe('tracing off', () => {
  it('without OTEL_EXPORTER_OTLP_ENDPOINT no tracer provider is registered and spans record nothing', async () => {
    const tracing = await startTracing('incidents', { OTEL_SERVICE_NAME: 'incidents' });
    expect(tracing.enabled).toBe(false);
    expect(tracingEnabled()).toBe(false);
    // The API still delegates to its no-op provider: a span is non-recording, with no trace id.
    const span = trace.getTracer('probe').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    expect(trace.isSpanContextValid(span.spanContext())).toBe(false);
    expect(registeredProvider()).not.toBeInstanceOf(BasicTracerProvider);
    // Registering a provider now succeeds: none was there before.
    expect(trace.setGlobalTracerProvider(new BasicTracerProvider())).toBe(true);
  });

  it('with tracing off the helpers run the work and hand on no trace context', async () => {
    await startTracing('incidents', {});
    const seen = await inSpan('work', {}, async (span) => ({ recording: span.isRecording(), traceparent: currentTraceparent() }));
    expect(seen).toEqual({ recording: false, traceparent: undefined });
  });

  it('a blank endpoint counts as none', async () => {
    expect((await startTracing('gateway', { OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).enabled).toBe(false);
    expect(registeredProvider()).not.toBeInstanceOf(BasicTracerProvider);
    expect(tracingEnabled()).toBe(false);
  });
});

describe('tracing on', () => {
  it('with OTEL_EXPORTER_OTLP_ENDPOINT an SDK provider is registered: spans record, and the active one is handed on as a traceparent', async () => {
    // Nothing listens on the discard port: the export fails quietly, which is not what this test is about.
    const tracing = await startTracing('incidents', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    try {
      expect(tracing.enabled).toBe(true);
      expect(registeredProvider()).toBeInstanceOf(NodeTracerProvider);
      const seen = await inSpan('work', {}, async (span) => ({
        recording: span.isRecording(),
        traceId: span.spanContext().traceId,
        traceparent: currentTraceparent(),
      }));
      expect(seen.recording).toBe(true);
      expect(seen.traceparent).toMatch(new RegExp(`^00-${seen.traceId}-[0-9a-f]{16}-01$`));
    } finally {
      await tracing.shutdown();
    }
    expect(tracingEnabled()).toBe(false);
  });
});

describe('where spans go', () => {
  it('the traces path is added to OTEL_EXPORTER_OTLP_ENDPOINT; a traces endpoint of its own is taken as is', () => {
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe('http://collector:4318/v1/traces');
    expect(
      otlpTracesUrl({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://other:4318/traces',
      }),
    ).toBe('http://other:4318/traces');
    expect(otlpTracesUrl({})).toBeUndefined();
  });
});
