import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { markTracingEnabled } from '../tracing-state';

export type InMemoryTracing = {
  /** The spans ended so far. */
  spans(): ReadableSpan[];
  stop(): Promise<void>;
};

/**
 * Tracing on, in this (test) process, with every span kept in memory as it ends instead of
 * exported: the same provider set-up and context propagation as {@link startTracing}. Once per
 * test file: the product's tracer stays bound to the first provider it was used with.
 */
export function startInMemoryTracing(): InMemoryTracing {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register();
  markTracingEnabled(true);
  return {
    spans: () => exporter.getFinishedSpans(),
    async stop() {
      markTracingEnabled(false);
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
