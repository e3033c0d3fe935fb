import { trace } from '@opentelemetry/api';

// Set once a provider is registered. Hooks that would wrap something (SQL query runners, Apollo
// plugins) ask first, so with tracing off nothing is wrapped at all.
let enabled = false;

/** Whether this process registered a tracer provider (`OTEL_EXPORTER_OTLP_ENDPOINT` was set). */
export function tracingEnabled(): boolean {
  return enabled;
}

export function markTracingEnabled(value: boolean): void {
  enabled = value;
}

/**
 * The product's one tracer. Taken from the global API, so before (or without) a registered
 * provider it is the API's no-op tracer: spans are non-recording and cost next to nothing.
 */
export const tracer = trace.getTracer('polyplus');
