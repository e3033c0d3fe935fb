import { withLogContext } from './log-context';

/** What a BullMQ job says about itself (structural: this lib needs no BullMQ). */
export type JobIdentity = { queueName: string; id?: string };

/** Runs `fn` (a job's processing, or a report about it) with the job's queue and id on every line it logs. */
export function withJobLogContext<T>(job: JobIdentity | undefined, fn: () => T): T {
  return withLogContext({ queue: job?.queueName, jobId: job?.id }, fn);
}
