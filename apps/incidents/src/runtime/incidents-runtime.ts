import { serviceLogger } from '@polyplus/logger';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import {
  assertNoEviction,
  consumeEvents,
  createRedis,
  eventStreamKey,
  startLeasedSweep,
  startOutboxRelay,
  waitForRedis,
} from '@polyplus/events';
import { watchQueue } from '@polyplus/metrics';
import type { EscalationService } from '../escalation/escalation.service';
import { escalationScheduler, ESCALATION_TOPICS, rearmEscalationTimers } from '../escalation/escalation.scheduler';
import { startEscalationWorker } from '../escalation/escalation.worker';
import { ESCALATION_QUEUE, type EscalationJob } from '../escalation/escalation-queue';
import { webhookConfigFromEnv, type WebhookConfig } from '../webhook/webhook-config';
import { startWebhookRuntime } from '../webhook/webhook-runtime';
import type { SendWebhook } from '../webhook/webhook-sender';
import { consumedEvents, PART_TOPICS, PART_WAIT_GROUP, partWaitHandler } from '../case-clock/part-wait.consumer';

export type IncidentsRuntimeOptions = {
  dataSource: DataSource;
  escalations: EscalationService;
  prefix: string;
  redisUrl?: string;
  pollMs?: number;
  /** Default: `webhookConfigFromEnv()` and real HTTP. */
  webhooks?: { config: WebhookConfig; send?: SendWebhook };
  now?: () => Date;
  /** Real time for partner webhooks (signature timestamps are checked against the receiver's clock); default system time. */
  transportNow?: () => Date;
  /** How often open cases' escalation timers are re-armed (default `ESCALATION_REARM_MS` or 10 min). */
  rearmEveryMs?: number;
  /** Subscribes to changes of the service's clock (a test clock moved): timers are re-armed at once. */
  onClockChange?: (listener: () => void) => () => void;
};

export type IncidentsRuntime = { queue: Queue<EscalationJob>; close(): Promise<void> };

/**
 * The incidents process's background work: the outbox relay (events → Redis stream), the
 * escalation scheduler (stream → delayed jobs), the escalation worker (jobs → escalations), the
 * part-wait consumer (replacement orders → resolution clock pauses) and partner webhooks
 * (stream → delivery jobs → signed POSTs).
 */
export async function startIncidentsRuntime(options: IncidentsRuntimeOptions): Promise<IncidentsRuntime> {
  const producer = createRedis('producer', options.redisUrl);
  const worker = createRedis('worker', options.redisUrl);
  producer.on('error', () => undefined); // reported by the relay, which retries
  await assertNoEviction(worker);
  // A fail-fast connection refuses commands until it is ready: let the first drain find it ready.
  await waitForRedis(producer);
  const stream = eventStreamKey(options.prefix);
  const queue = new Queue<EscalationJob>(ESCALATION_QUEUE, { connection: worker, prefix: options.prefix });
  const unwatchQueue = watchQueue(queue);
  const consumer = await consumeEvents({
    redis: worker,
    stream,
    group: 'incidents-escalation-scheduler',
    // Named per process; what a dead replica left pending is claimed by the others.
    consumer: 'incidents',
    topics: ESCALATION_TOPICS,
    handler: escalationScheduler(options.dataSource, options.escalations, queue, options.now),
    blockMs: options.pollMs ? Math.max(100, options.pollMs) : 1_000,
  });
  // Replacement parts ordered for a case pause its resolution clock until delivered.
  const partWait = await consumeEvents({
    redis: worker,
    stream,
    group: PART_WAIT_GROUP,
    consumer: 'incidents',
    topics: PART_TOPICS,
    handler: partWaitHandler(options.dataSource, options.now),
    processed: consumedEvents(options.dataSource),
    blockMs: options.pollMs ? Math.max(100, options.pollMs) : 1_000,
  });
  const webhooks = await startWebhookRuntime({
    dataSource: options.dataSource,
    redis: worker,
    prefix: options.prefix,
    stream,
    config: options.webhooks?.config ?? webhookConfigFromEnv(),
    send: options.webhooks?.send,
    blockMs: options.pollMs ? Math.max(100, options.pollMs) : 1_000,
    now: options.transportNow,
  });
  // The groups exist before the relay first publishes, so the scheduler and the webhooks see every event.
  const relay = startOutboxRelay({ dataSource: options.dataSource, redis: producer, source: 'incidents', stream, pollMs: options.pollMs });
  const escalationWorker = await startEscalationWorker(worker, options.prefix, options.escalations);
  // Open cases' timers again, now and periodically: fixed job ids make it cheap when nothing was lost.
  const rearm = () =>
    rearmEscalationTimers(options.dataSource, options.escalations, queue).catch((error: Error) =>
      serviceLogger('escalation').error({ err: error }, 're-arming escalation timers failed'),
    );
  // One sweep per period across all replicas (a lease in Redis), the first one at start.
  const sweep = startLeasedSweep({
    redis: producer,
    prefix: options.prefix,
    name: 'incidents-escalation-rearm',
    everyMs: options.rearmEveryMs ?? Number(process.env.ESCALATION_REARM_MS ?? 10 * 60_000),
    run: rearm,
  });
  await sweep.tick();
  // BullMQ counts delays in real time: when the test clock moves, every replica recomputes its delays at once.
  const stopFollowingClock = options.onClockChange?.(() => void rearm());
  return {
    queue,
    async close() {
      stopFollowingClock?.();
      await sweep.stop();
      await escalationWorker.close();
      await webhooks.close();
      await consumer.stop();
      await partWait.stop();
      await relay.stop();
      unwatchQueue();
      await queue.close();
      worker.disconnect();
      producer.disconnect();
    },
  };
}
