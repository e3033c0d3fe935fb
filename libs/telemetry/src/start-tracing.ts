import { markTracingEnabled } from './tracing-state';

export type Tracing = {
  /** True when spans are recorded and exported. */
  readonly enabled: boolean;
  /** Exports the spans ended so far (tests; a stop). */
  flush(): Promise<void>;
  /** Exports what is left and stops exporting. */
  shutdown(): Promise<void>;
};

const OFF: Tracing = { enabled: false, flush: async () => undefined, shutdown: async () => undefined };

/** Where spans go: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as is, else `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces` (the OTLP convention). */
export function otlpTracesUrl(env: NodeJS.ProcessEnv): string | undefined {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces) return traces;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined;
}

/**
 * Starts tracing for one service when `OTEL_EXPORTER_OTLP_ENDPOINT` is set: spans of this process
 * carry `service.name` = `OTEL_SERVICE_NAME` or `serviceName`, and are exported over OTLP/HTTP.
 * Without it nothing is loaded or registered: the OpenTelemetry API stays a no-op.
 */
export async function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): Promise<Tracing> {
  const url = otlpTracesUrl(env);
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || !url) return OFF;
  const { registerOtlpProvider } = await import('./otlp-provider');
  const provider = registerOtlpProvider(env.OTEL_SERVICE_NAME?.trim() || serviceName, url);
  markTracingEnabled(true);
  current = {
    enabled: true,
    flush: () => provider.forceFlush(),
    async shutdown() {
      markTracingEnabled(false);
      await provider.shutdown();
    },
  };
  return current;
}

let current: Tracing = OFF;

/** Exports the spans still buffered and stops tracing in this process: the last step of a clean stop. */
export function stopTracing(): Promise<void> {
  const stopping = current;
  current = OFF;
  return stopping.shutdown();
}
