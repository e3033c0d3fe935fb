import { serviceLogger } from '@polyplus/logger';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { startLeasedSweep } from '@polyplus/events';
import { watchQueue } from '@polyplus/metrics';
import { backgroundPart, eventStreamsPart, startBackground, type BackgroundPart } from '@polyplus/subgraph-kit';
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

/** The background parts, and the escalation queue once they started (tests read its jobs). */
export type IncidentsBackground = { parts: BackgroundPart[]; queue(): Queue<EscalationJob> };

/**
 * The incidents process's background work: the outbox relay (events → Redis stream), the
 * escalation scheduler (stream → delayed jobs), the escalation worker (jobs → escalations), the
 * part-wait consumer (replacement orders → resolution clock pauses) and partner webhooks
 * (stream → delivery jobs → signed POSTs).
 */
export function incidentsBackground(options: IncidentsRuntimeOptions): IncidentsBackground {
  const events = eventStreamsPart({ prefix: options.prefix, service: 'incidents', redisUrl: options.redisUrl, pollMs: options.pollMs });
  let queue: Queue<EscalationJob> | undefined;
  const escalationQueue = () => {
    if (!queue) throw new Error('the escalation queue is not open');
    return queue;
  };
  // Open cases' timers again, now and periodically: fixed job ids make it cheap when nothing was lost.
  const rearm = () =>
    rearmEscalationTimers(options.dataSource, options.escalations, escalationQueue()).catch((error: Error) =>
      serviceLogger('escalation').error({ err: error }, 're-arming escalation timers failed'),
    );
  const parts = [
    events,
    backgroundPart('escalation queue', () => {
      const opened = new Queue<EscalationJob>(ESCALATION_QUEUE, { connection: events.streams.worker, prefix: options.prefix });
      const unwatch = watchQueue(opened);
      queue = opened;
      return async () => {
        unwatch();
        await opened.close();
      };
    }),
    backgroundPart('escalation scheduler consumer', async () => {
      const consumer = await events.streams.consume({
        group: 'incidents-escalation-scheduler',
        topics: ESCALATION_TOPICS,
        handler: escalationScheduler(options.dataSource, options.escalations, escalationQueue(), options.now),
      });
      return () => consumer.stop();
    }),
    // Replacement parts ordered for a case pause its resolution clock until delivered.
    backgroundPart('part-wait consumer', async () => {
      const consumer = await events.streams.consume({
        group: PART_WAIT_GROUP,
        topics: PART_TOPICS,
        handler: partWaitHandler(options.dataSource, options.now),
        processed: consumedEvents(options.dataSource),
      });
      return () => consumer.stop();
    }),
    backgroundPart('partner webhooks', async () => {
      const webhooks = await startWebhookRuntime({
        dataSource: options.dataSource,
        redis: events.streams.worker,
        prefix: options.prefix,
        stream: events.streams.stream,
        config: options.webhooks?.config ?? webhookConfigFromEnv(),
        send: options.webhooks?.send,
        blockMs: events.streams.blockMs,
        now: options.transportNow,
      });
      return () => webhooks.close();
    }),
    // After the groups exist, so the scheduler and the webhooks see every event.
    backgroundPart('outbox relay', () => {
      const relay = events.streams.relayOutbox(options.dataSource);
      return () => relay.stop();
    }),
    backgroundPart('escalation worker', async () => {
      const worker = await startEscalationWorker(events.streams.worker, options.prefix, options.escalations);
      return () => worker.close();
    }),
    // One sweep per period across all replicas (a lease in Redis), the first one at start.
    backgroundPart('escalation re-arm sweep', async () => {
      const sweep = startLeasedSweep({
        redis: events.streams.producer,
        prefix: options.prefix,
        name: 'incidents-escalation-rearm',
        everyMs: options.rearmEveryMs ?? Number(process.env.ESCALATION_REARM_MS ?? 10 * 60_000),
        run: rearm,
      });
      await sweep.tick();
      return () => sweep.stop();
    }),
    // BullMQ counts delays in real time: when the test clock moves, every replica recomputes its delays at once.
    backgroundPart('escalation timers follow the clock', () => options.onClockChange?.(() => void rearm())),
  ];
  return { parts, queue: escalationQueue };
}

/** The background work on its own, without the server (tests). */
export async function startIncidentsRuntime(options: IncidentsRuntimeOptions): Promise<IncidentsRuntime> {
  const background = incidentsBackground(options);
  const close = await startBackground(background.parts);
  return { queue: background.queue(), close };
}
