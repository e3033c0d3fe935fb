import { context, propagation, SpanKind, trace, type Attributes } from '@opentelemetry/api';
import { tracer, tracingEnabled } from './tracing-state';

/**
 * Marks, in the active trace, the moment work is handed on to be done elsewhere (an event written
 * to the outbox): a PRODUCER span, ended at once, whose `traceparent` is returned to be stored with
 * the work, so the consumer's span becomes its child. Undefined outside a trace or with tracing off.
 */
export function producerTraceparent(name: string, attributes: Attributes): string | undefined {
  if (!tracingEnabled() || !trace.getActiveSpan()) return undefined;
  const span = tracer.startSpan(name, { kind: SpanKind.PRODUCER, attributes });
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  span.end();
  return carrier.traceparent;
}
