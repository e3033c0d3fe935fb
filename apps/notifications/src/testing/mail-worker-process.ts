// A mail worker on its own, as a separate process the tests can kill:
//   node -r @swc-node/register apps/notifications/src/testing/mail-worker-process.ts
// with TEST_DATABASE, QUEUE_PREFIX, SMTP_URL and MAIL_LOCK_MS in the environment.
import 'reflect-metadata';
import { createRedis } from '@polyplus/events';
import { openDatabase } from '@polyplus/persistence';
import { MailDeliveryService } from '../delivery/mail-delivery.service';
import { startMailWorker } from '../delivery/mail-delivery.worker';
import { smtpSender } from '../delivery/smtp-sender';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from '../notifications-database';
import { testMailConfig } from './notifications-harness';

async function main(): Promise<void> {
  const env = process.env;
  const config = testMailConfig(env.SMTP_URL as string);
  const dataSource = await openDatabase({
    database: env.TEST_DATABASE as string,
    entities: NOTIFICATIONS_ENTITIES,
    migrations: NOTIFICATIONS_MIGRATIONS,
    poolSize: 2,
  });
  const sender = smtpSender(config.smtpUrl, 60_000);
  const deliveries = new MailDeliveryService(dataSource, sender, {
    from: config.from,
    domain: config.domain,
    linkSecret: config.linkSecret,
    publicBaseUrl: 'http://127.0.0.1:4016',
  });
  await startMailWorker({
    redis: createRedis('worker'),
    prefix: env.QUEUE_PREFIX as string,
    deliveries,
    returnReminder: async () => undefined,
    maxAttempts: config.maxAttempts,
    lockDurationMs: Number(env.MAIL_LOCK_MS ?? 30_000),
  });
  console.log('mail worker ready');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
