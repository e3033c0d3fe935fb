import { serviceLogger } from '@polyplus/logger';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { assertNoEviction, consumeEvents, createRedis, eventStreamKey, startLeasedSweep, waitForRedis } from '@polyplus/events';
import { watchQueue } from '@polyplus/metrics';
import type { MailConfig } from '../config/mail-config';
import { DigestSweep } from '../digest/digest-sweep';
import type { NotificationDirectories } from '../events/notification-event-handler';
import { NotificationEventHandler } from '../events/notification-event-handler';
import { NOTIFICATION_TOPICS } from '../events/notification-topics';
import { MailDelivery } from '../delivery/mail-delivery.entity';
import { MailDeliveryStatus } from '../delivery/mail-delivery-status';
import { MailDeliveryService } from '../delivery/mail-delivery.service';
import { startMailWorker } from '../delivery/mail-delivery.worker';
import { enqueueDeliveries, MAIL_DELIVERY_QUEUE, type MailJob } from '../delivery/mail-queue';
import { NotificationFanout } from '../delivery/notification-fanout';
import { smtpSender, type MailSender } from '../delivery/smtp-sender';
import type { DeviceRegistry } from '../directory/device-registry';
import { InboundMailService } from '../inbound/inbound-mail.service';
import { startMailReceiver, type MailReceiver } from '../inbound/mail-receiver';
import type { NotificationPreferenceService } from '../preferences/notification-preference.service';
import { startLinksServer, type LinksServer } from '../unsubscribe/links-server';

export type NotificationsRuntimeOptions = {
  dataSource: DataSource;
  config: MailConfig;
  directories: NotificationDirectories;
  registry: DeviceRegistry;
  preferences: NotificationPreferenceService;
  prefix: string;
  redisUrl?: string;
  /** Default: SMTP to `config.smtpUrl`. */
  sender?: MailSender;
  pollMs?: number;
  /** BullMQ lock of the mail worker (default 30 s); a killed worker's job is retried once it lapses. */
  lockDurationMs?: number;
  /** Off: deliveries are written and queued, but another process sends them. */
  sendMail?: boolean;
  now?: () => Date;
  log?: (message: string) => void;
};

export type NotificationsRuntime = {
  queue: Queue<MailJob>;
  receiver: MailReceiver | null;
  links: LinksServer;
  /** Sends the digests that are due now (the periodic sweep calls it too). */
  sweepDigests(): Promise<string[]>;
  close(): Promise<void>;
};

/**
 * The notifications process's background work: a consumer group on the event stream (events →
 * deliveries), the mail worker (deliveries → SMTP), the digest and re-queue sweep, the SMTP
 * receiver of the serial-list address, and the public unsubscribe page.
 */
export async function startNotificationsRuntime(options: NotificationsRuntimeOptions): Promise<NotificationsRuntime> {
  const log = options.log ?? ((message: string) => serviceLogger('runtime').info(message));
  const { config } = options;
  const now = options.now ?? (() => new Date());
  const redis = createRedis('worker', options.redisUrl);
  await assertNoEviction(redis);
  await waitForRedis(redis);
  const queue = new Queue<MailJob>(MAIL_DELIVERY_QUEUE, { connection: redis, prefix: options.prefix });
  const unwatchQueue = watchQueue(queue);
  const retry = { maxAttempts: config.maxAttempts, retryBaseMs: config.retryBaseMs };

  const links = await startLinksServer({
    host: config.linksHost,
    port: config.linksPort,
    linkSecret: config.linkSecret,
    unsubscribe: (claim) => options.preferences.unsubscribe(claim),
    log,
  });
  const sender = options.sender ?? smtpSender(config.smtpUrl, config.sendTimeoutMs);
  const deliveries = new MailDeliveryService(
    options.dataSource,
    sender,
    { from: config.from, domain: config.domain, linkSecret: config.linkSecret, publicBaseUrl: config.publicBaseUrl ?? links.url },
    now,
  );
  const fanout = new NotificationFanout(
    options.dataSource,
    options.directories.customers,
    { domain: config.domain, digestHour: config.digestHour },
    now,
  );
  const handler = new NotificationEventHandler(options.dataSource, options.directories, fanout, queue, retry, now);
  const worker =
    options.sendMail === false
      ? null
      : await startMailWorker({
          redis,
          prefix: options.prefix,
          deliveries,
          returnReminder: handler.returnReminder,
          maxAttempts: config.maxAttempts,
          lockDurationMs: options.lockDurationMs,
        });
  const consumer = await consumeEvents({
    redis,
    stream: eventStreamKey(options.prefix),
    group: 'notifications-mail',
    // Named per process; what a dead replica left pending is claimed by the others.
    consumer: 'notifications',
    topics: NOTIFICATION_TOPICS,
    handler: handler.handle,
    blockMs: options.pollMs ? Math.max(100, options.pollMs) : 1_000,
  });

  const digests = new DigestSweep(options.dataSource, options.directories.customers, { domain: config.domain }, now);
  const sweepDigests = async () => {
    const created = await digests.run();
    await enqueueDeliveries(queue, created, retry);
    return created;
  };
  // Deliveries whose job was never added (Redis was down when they were written) are queued again;
  // a job that exists keeps its id, so this adds nothing for mail already on its way.
  const requeue = async () => {
    const stale = await options.dataSource
      .getRepository(MailDelivery)
      .createQueryBuilder('delivery')
      .select('delivery.id', 'id')
      .where('delivery.status = :status AND delivery.createdAt < :before', {
        status: MailDeliveryStatus.PENDING,
        before: new Date(now().getTime() - 60_000),
      })
      .limit(1_000)
      .getRawMany<{ id: string }>();
    await enqueueDeliveries(
      queue,
      stale.map((row) => row.id),
      retry,
    );
  };
  // One sweep per period across all replicas (a lease in Redis).
  const sweep = startLeasedSweep({
    redis,
    prefix: options.prefix,
    name: 'notifications-digest-sweep',
    everyMs: config.digestSweepMs,
    run: () => sweepDigests().then(requeue),
    log: (message) => log(`[notifications] sweep: ${message}`),
  });

  let receiver: MailReceiver | null = null;
  if (config.receiver.enabled) {
    const inbound = new InboundMailService(
      options.dataSource,
      options.directories.customers,
      options.registry,
      deliveries,
      {
        serialListAddress: config.serialListAddress,
        domain: config.domain,
        linkSecret: config.linkSecret,
        maxAttachmentBytes: config.receiver.maxAttachmentBytes,
        authservId: config.receiver.authservId,
        archiveDir: config.receiver.archiveDir,
      },
      now,
    );
    receiver = await startMailReceiver({
      host: config.receiver.host,
      port: config.receiver.port,
      maxMessageBytes: config.receiver.maxMessageBytes,
      inbound,
      onReply: (deliveryId) => enqueueDeliveries(queue, [deliveryId], retry),
      log,
    });
  }
  return {
    queue,
    receiver,
    links,
    sweepDigests,
    async close() {
      await sweep.stop();
      await receiver?.close();
      await consumer.stop();
      await worker?.close();
      unwatchQueue();
      await queue.close();
      await links.close();
      sender.close();
      redis.disconnect();
    },
  };
}
