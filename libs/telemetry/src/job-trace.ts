import { SpanKind } from '@opentelemetry/api';
import { contextFromTraceparent, currentTraceparent } from './trace-context';
import { inSpan } from './in-span';

// What a processor throws to tell BullMQ to move the job (delay it, wait for children, rate-limit), not a failure.
const CONTROL_FLOW_ERRORS = new Set(['DelayedError', 'WaitingChildrenError', 'WaitingError', 'RateLimitError']);
const isBullMqControlFlow = (error: unknown) => error instanceof Error && CONTROL_FLOW_ERRORS.has(error.name);

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
export function inJobSpan<T>(queue: string, job: { id?: string; name: string; data: unknown }, work: () => Promise<T>): Promise<T> {
  const traceparent = (job.data as TracedJobData | null)?.traceparent;
  return inSpan(
    `${queue} process`,
    {
      kind: SpanKind.CONSUMER,
      parent: contextFromTraceparent(typeof traceparent === 'string' ? traceparent : undefined),
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.destination.name': queue,
        'messaging.operation.type': 'process',
        'messaging.message.id': job.id ?? '',
        'bullmq.job.name': job.name,
      },
      expected: isBullMqControlFlow,
    },
    work,
  );
}
