import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';

/**
 * A provider exporting over OTLP/HTTP in batches, registered as the process's global one with the
 * async-local-storage context manager (the active span follows awaits) and the W3C trace-context
 * propagator (`traceparent`). Loaded only when tracing is on: with it off the SDK is never required.
 */
export function registerOtlpProvider(serviceName: string, tracesUrl: string): NodeTracerProvider {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl }))],
  });
  provider.register();
  return provider;
}
