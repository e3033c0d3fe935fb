import { context, propagation, ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';

type Carrier = Record<string, string | string[] | undefined>;

/**
 * The W3C `traceparent` of the active span, to store beside work that continues elsewhere (an
 * outbox event, a job); undefined when nothing is being traced (tracing off, or no active span).
 */
export function currentTraceparent(): string | undefined {
  if (!trace.getActiveSpan()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The context a stored `traceparent` continues; the root context when there is none (older entries). */
export function contextFromTraceparent(traceparent: string | undefined): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

/** The context an incoming request's headers continue (`traceparent`, `tracestate`). */
export function contextFromHeaders(headers: Carrier): Context {
  return propagation.extract(ROOT_CONTEXT, headers, {
    keys: (carrier) => Object.keys(carrier),
    get: (carrier, key) => carrier[key.toLowerCase()],
  });
}

/** Adds the active span's `traceparent` (and `tracestate`) to outgoing request headers. */
export function injectTraceHeaders(headers: Headers): void {
  propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
}
