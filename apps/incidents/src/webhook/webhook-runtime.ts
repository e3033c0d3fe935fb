import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { consumeEvents, startLeasedSweep, type RedisConnection } from '@polyplus/events';
import { watchQueue } from '@polyplus/metrics';
import type { WebhookConfig } from './webhook-config';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { startWebhookDeliveryWorker } from './webhook-delivery.worker';
import { webhookFanout } from './webhook-fanout';
import { WEBHOOK_DELIVERY_QUEUE, type WebhookDeliveryJob } from './webhook-queue';
import type { SendWebhook } from './webhook-sender';
import { resealWebhookSecrets, WebhookSecrets } from './webhook-secrets';

export type WebhookRuntimeOptions = {
  dataSource: DataSource;
  /** A worker connection (`createRedis('worker')`). */
  redis: RedisConnection;
  prefix: string;
  stream: string;
  config: WebhookConfig;
  send?: SendWebhook;
  blockMs?: number;
  now?: () => Date;
};

export type WebhookRuntime = { queue: Queue<WebhookDeliveryJob>; close(): Promise<void> };

/**
 * Webhook delivery: a consumer group on the event stream fans events out to delivery jobs, and a
 * worker sends them. Start it before the outbox relay so the group sees every event.
 */
export async function startWebhookRuntime(options: WebhookRuntimeOptions): Promise<WebhookRuntime> {
  const queue = new Queue<WebhookDeliveryJob>(WEBHOOK_DELIVERY_QUEUE, { connection: options.redis, prefix: options.prefix });
  const unwatchQueue = watchQueue(queue);
  const consumer = await consumeEvents({
    redis: options.redis,
    stream: options.stream,
    group: 'incidents-webhooks',
    // Named per process; what a dead replica left pending is claimed by the others.
    consumer: 'incidents-webhooks',
    handler: webhookFanout(options.dataSource, queue, { maxAttempts: options.config.retry.maxAttempts, now: options.now }),
    blockMs: options.blockMs,
  });
  const deliveries = new WebhookDeliveryService(options.dataSource, options.config, options.send, options.now);
  const worker = await startWebhookDeliveryWorker(options.redis, options.prefix, deliveries, options.config.retry);
  // Secrets stored in plaintext before encryption, or sealed under a key that is no longer current,
  // are (re-)sealed at start and then periodically by one replica at a time.
  const secrets = new WebhookSecrets(options.config.keyring);
  const reseal = startLeasedSweep({
    redis: options.redis,
    name: 'incidents-webhook-secret-reseal',
    prefix: options.prefix,
    everyMs: options.config.resealEveryMs,
    runAtStart: true,
    run: () => resealWebhookSecrets(options.dataSource, secrets),
  });
  return {
    queue,
    async close() {
      await reseal.stop();
      await consumer.stop();
      await worker.close();
      unwatchQueue();
      await queue.close();
    },
  };
}
