import {
  context,
  INVALID_SPAN_CONTEXT,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type SpanKind,
} from '@opentelemetry/api';
import { tracer, tracingEnabled } from './tracing-state';

export type SpanOptions = {
  kind?: SpanKind;
  attributes?: Attributes;
  /** The parent; default the active context. */
  parent?: Context;
  /** Record nothing outside a trace (background polls would each start a trace of their own). */
  onlyInTrace?: boolean;
  /** Errors that end the work as planned (a job put back to wait): the span ends without failing. */
  expected?: (error: unknown) => boolean;
};

// Handed to the work when tracing is off: setting attributes on it does nothing.
const NOT_RECORDING = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * Runs `work` inside a new active span, which ends when the work settles; a failure is recorded on
 * it (exception event, status ERROR) and rethrown. With tracing off `work` simply runs.
 */
export async function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  if (!tracingEnabled() || (options.onlyInTrace && !trace.getActiveSpan())) return work(NOT_RECORDING);
  const parent = options.parent ?? context.active();
  const span = tracer.startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    if (!options.expected?.(error)) recordFailure(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** Marks a span failed with the error that ended it. */
export function recordFailure(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}
