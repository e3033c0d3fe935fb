export { startTracing, stopTracing, otlpTracesUrl, type Tracing } from './start-tracing';
export { tracingEnabled, tracer } from './tracing-state';
export { inSpan, recordFailure, type SpanOptions } from './in-span';
export { inServerSpan, activeServerSpan } from './server-span';
export { inClientSpan } from './client-span';
export { producerTraceparent } from './producer-span';
export { currentTraceparent, contextFromTraceparent, contextFromHeaders, injectTraceHeaders } from './trace-context';
export { withTraceparent, inJobSpan, type TracedJobData } from './job-trace';
export { SpanKind, type Span } from '@opentelemetry/api';
