import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { eventStreamKey, isEventTopic, publishToStream, sampleEventPayload, type EventEnvelope } from '@polyplus/events';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { startSubgraph, type RunningServer } from '@polyplus/subgraph-kit';
import { deleteRedisKeys, uniqueTestPrefix } from '@polyplus/testing';
import { startMailSink, type MailSink } from '@polyplus/mail-sink';
import type { MailConfig } from '../config/mail-config';
import { createNotificationsSubgraph } from '../notifications-subgraph';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from '../notifications-database';
import type { NotificationsRuntime } from '../runtime/notifications-runtime';
import { FakeSubgraphs } from './fake-subgraphs';

export type Harness = {
  db: TestDatabase;
  prefix: string;
  sink: MailSink;
  world: FakeSubgraphs;
  server: RunningServer;
  runtime: NotificationsRuntime;
  config: MailConfig;
  redis: Redis;
  clock: { now: Date };
  publish(topic: string, payload: Record<string, unknown>, id?: string, occurredAt?: string): Promise<EventEnvelope>;
  close(): Promise<void>;
};

export function testMailConfig(smtpUrl: string, overrides: Partial<MailConfig> = {}): MailConfig {
  return {
    smtpUrl,
    from: '"Poly+ Support" <support@polyplus.test>',
    domain: 'polyplus.test',
    publicBaseUrl: null,
    linkSecret: 'test-mail-link-secret-of-at-least-32-characters',
    serialListAddress: 'serials@polyplus.test',
    receiver: {
      enabled: false,
      host: '127.0.0.1',
      port: 0,
      maxMessageBytes: 1024 * 1024,
      maxAttachmentBytes: 256 * 1024,
      authservId: null,
      archiveDir: null,
    },
    maxAttempts: 3,
    retryBaseMs: 200,
    digestHour: 8,
    digestSweepMs: 3_600_000,
    sendTimeoutMs: 5_000,
    linksPort: 0,
    linksHost: '127.0.0.1',
    ...overrides,
  };
}

/** The notifications subgraph over its own test database and queue prefix, sending to a sink on loopback. */
export async function startHarness(suite: string, options: { receiver?: boolean; sendMail?: boolean } = {}): Promise<Harness> {
  const prefix = uniqueTestPrefix(suite).replace(/_$/, '');
  const db = await createTestDatabase(suite, { entities: NOTIFICATIONS_ENTITIES, migrations: NOTIFICATIONS_MIGRATIONS });
  const sink = await startMailSink();
  const world = new FakeSubgraphs();
  const clock = { now: new Date('2026-03-03T12:00:00.000Z') };
  const config = testMailConfig(sink.smtpUrl, { receiver: { ...testMailConfig('').receiver, enabled: options.receiver ?? false } });
  let runtime: NotificationsRuntime | undefined;
  const server = await startSubgraph(
    createNotificationsSubgraph({
      mail: config,
      customers: world.customersClient,
      incidents: world.incidentsClient,
      devices: world.devicesClient,
      logistics: world.logisticsClient,
      queuePrefix: prefix,
      pollMs: 100,
      sendMail: options.sendMail,
      now: () => clock.now,
      onStarted: (started) => {
        runtime = started;
      },
    }),
    { dataSource: db.dataSource, port: 0 },
  );
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  return {
    db,
    prefix,
    sink,
    world,
    server,
    runtime: runtime as NotificationsRuntime,
    config,
    redis,
    clock,
    async publish(topic, payload, id = randomUUID(), occurredAt = clock.now.toISOString()) {
      const envelope: EventEnvelope = {
        id,
        topic,
        key: String(payload.incidentId ?? payload.orderId ?? id),
        source: 'test',
        occurredAt,
        // The fields a test names over a well-formed payload of the topic: the worker reads events through the contract.
        payload: isEventTopic(topic) ? sampleEventPayload(topic, payload) : payload,
      };
      await publishToStream(redis, eventStreamKey(prefix), [envelope]);
      return envelope;
    },
    async close() {
      await server.stop();
      await sink.close();
      redis.disconnect();
      await deleteRedisKeys(prefix);
      await db.drop();
    },
  };
}
