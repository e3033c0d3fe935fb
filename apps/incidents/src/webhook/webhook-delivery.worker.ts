import { Worker } from 'bullmq';
import { closeWorkerWithin, type RedisConnection } from '@polyplus/events';
import { serviceLogger, withJobLogContext } from '@polyplus/logger';
import { inJobSpan } from '@polyplus/telemetry';
import { countWebhookAttempt } from '@polyplus/metrics';
import { retryDelayMs, type RetrySchedule } from '@polyplus/webhooks';
import type { WebhookDeliveryService } from './webhook-delivery.service';
import { WEBHOOK_BACKOFF, WEBHOOK_DELIVERY_QUEUE, type WebhookDeliveryJob } from './webhook-queue';

/** Thrown to make BullMQ retry; carries the delay the delivery log already announced. */
export class RetryWebhookDelivery extends Error {
  constructor(
    readonly delayMs: number,
    message: string,
  ) {
    super(message);
    this.name = 'RetryWebhookDelivery';
  }
}

export type WebhookDeliveryWorker = { worker: Worker<WebhookDeliveryJob>; close(graceMs?: number): Promise<void> };

/** Wires the delivery queue to the use case; retries wait by the webhook schedule (a custom BullMQ backoff). */
export async function startWebhookDeliveryWorker(
  redis: RedisConnection,
  prefix: string,
  deliveries: WebhookDeliveryService,
  schedule: RetrySchedule,
  concurrency = 10,
): Promise<WebhookDeliveryWorker> {
  const worker = new Worker<WebhookDeliveryJob>(
    WEBHOOK_DELIVERY_QUEUE,
    (job) =>
      inJobSpan(WEBHOOK_DELIVERY_QUEUE, job, () =>
        withJobLogContext(job, async () => {
          const result = await deliveries
            .attempt(job.data, job.attemptsMade + 1, job.opts.attempts ?? schedule.maxAttempts)
            .catch((error: unknown) => {
              countWebhookAttempt('error');
              throw error;
            });
          countWebhookAttempt(result.outcome);
          if (result.outcome === 'retry') throw new RetryWebhookDelivery(result.retryInMs, result.error);
          return result;
        }),
      ),
    {
      connection: redis,
      prefix,
      concurrency,
      settings: {
        backoffStrategy: (attemptsMade, type, error) => {
          if (type !== WEBHOOK_BACKOFF) return -1;
          return error instanceof RetryWebhookDelivery ? error.delayMs : retryDelayMs(attemptsMade, schedule);
        },
      },
    },
  );
  worker.on('failed', (job, error) => {
    if (!(error instanceof RetryWebhookDelivery))
      withJobLogContext(job, () => serviceLogger('webhooks').error({ err: error }, 'webhook delivery job failed'));
  });
  await worker.waitUntilReady();
  return {
    worker,
    close: (graceMs?: number) => closeWorkerWithin(worker, graceMs),
  };
}
