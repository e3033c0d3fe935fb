import { Worker, type ConnectionOptions } from 'bullmq';
import { closeWorkerWithin } from '@polyplus/events';
import { serviceLogger, withJobLogContext } from '@polyplus/logger';
import { inJobSpan } from '@polyplus/telemetry';
import type { MailDeliveryService } from './mail-delivery.service';
import { MAIL_DELIVERY_QUEUE, RETURN_REMINDER, SEND_MAIL, type MailJob, type ReturnReminderJob, type SendMailJob } from './mail-queue';

/** Thrown so BullMQ retries with its exponential backoff; the delivery log already says why. */
export class RetryMailDelivery extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetryMailDelivery';
  }
}

export type MailWorker = { worker: Worker<MailJob>; close(graceMs?: number): Promise<void> };

export type MailWorkerOptions = {
  redis: ConnectionOptions;
  prefix: string;
  deliveries: MailDeliveryService;
  returnReminder: (job: ReturnReminderJob) => Promise<void>;
  maxAttempts: number;
  concurrency?: number;
  /** BullMQ lock; a killed worker's job is taken over once it lapses (tests shorten it). */
  lockDurationMs?: number;
};

/** Wires the mail queue to the use cases: sending a delivery, or a return reminder coming due. */
export async function startMailWorker(options: MailWorkerOptions): Promise<MailWorker> {
  const worker = new Worker<MailJob>(
    MAIL_DELIVERY_QUEUE,
    (job) =>
      inJobSpan(MAIL_DELIVERY_QUEUE, job, () =>
        withJobLogContext(job, async () => {
          if (job.name === RETURN_REMINDER) return options.returnReminder(job.data as ReturnReminderJob);
          if (job.name !== SEND_MAIL) return undefined;
          const result = await options.deliveries.attempt(
            (job.data as SendMailJob).deliveryId,
            job.attemptsMade + 1,
            job.opts.attempts ?? options.maxAttempts,
          );
          if (result.outcome === 'RETRY') throw new RetryMailDelivery(result.error);
          return result;
        }),
      ),
    {
      connection: options.redis,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 5,
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs, stalledInterval: options.lockDurationMs } : {}),
    },
  );
  worker.on('failed', (job, error) => {
    if (!(error instanceof RetryMailDelivery)) withJobLogContext(job, () => serviceLogger('mail').error({ err: error }, 'mail job failed'));
  });
  worker.on('error', (error) => serviceLogger('mail').error({ err: error }, 'mail worker error'));
  await worker.waitUntilReady();
  return { worker, close: (graceMs?: number) => closeWorkerWithin(worker, graceMs) };
}
