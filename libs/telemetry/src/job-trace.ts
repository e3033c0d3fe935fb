import { SpanKind } from '@opentelemetry/api';
import { contextFromTraceparent, currentTraceparent } from './trace-context';
import { inSpan } from './in-span';

/** Job data that may carry the trace of the request or event that enqueued it (older jobs do not). */
export type TracedJobData = { traceparent?: string };

/** The job's data with the active trace's `traceparent`, so the worker's run joins that trace. */
export function withTraceparent<T extends object>(data: T): T & TracedJobData {
  const traceparent = currentTraceparent();
  return traceparent ? { ...data, traceparent } : data;
}

/**
 * Runs a BullMQ job's processing in a CONSUMER span that continues the trace stored in its data
 * (a root span when it has none), named `<queue> process`.
 */
export function inJobSpan<T>(queue: string, job: { id?: string; name: string; data: TracedJobData }, work: () => Promise<T>): Promise<T> {
  return inSpan(
    `${queue} process`,
    {
      kind: SpanKind.CONSUMER,
      parent: contextFromTraceparent(job.data.traceparent),
      attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': queue, 'messaging.operation.type': 'process', 'messaging.message.id': job.id ?? '', 'bullmq.job.name': job.name },
    },
    work,
  );
}
