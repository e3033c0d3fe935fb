import { serviceLogger } from '@polyplus/logger';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { backgroundPart, eventStreamsPart, startBackground, type BackgroundPart } from '@polyplus/subgraph-kit';
import type { EscalationService } from '../escalation/escalation.service';
import { escalationScheduler, ESCALATION_TOPICS } from '../escalation/escalation.scheduler';
import { EscalationTimers } from '../escalation/escalation-timers';
import type { EscalationJob } from '../escalation/escalation-queue';
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
 * escalation timers (delayed jobs → escalations, re-armed from open cases), the escalation
 * scheduler (stream → timers), the part-wait consumer (replacement orders → resolution clock
 * pauses) and partner webhooks (stream → delivery jobs → signed POSTs).
 */
export function incidentsBackground(options: IncidentsRuntimeOptions): IncidentsBackground {
  const events = eventStreamsPart({ prefix: options.prefix, service: 'incidents', redisUrl: options.redisUrl, pollMs: options.pollMs });
  const timers = new EscalationTimers(options.dataSource, options.escalations, {
    prefix: options.prefix,
    redisUrl: options.redisUrl,
    rearmEveryMs: options.rearmEveryMs,
  });
  const parts = [
    events,
    // The queue, its worker and the leased periodic re-arm from open cases (the first at start).
    // BullMQ counts delays in real time: when the test clock moves, every replica re-arms at once.
    backgroundPart('escalation timers', async () => {
      await timers.start().catch(async (error: Error) => {
        await timers.close(); // what opened before the failure
        throw error;
      });
      const unfollow = options.onClockChange?.(
        () =>
          void timers
            .rearm()
            .catch((error: Error) => serviceLogger('escalation').error({ err: error }, 're-arming escalation timers failed')),
      );
      return async () => {
        unfollow?.();
        await timers.close();
      };
    }),
    backgroundPart('escalation scheduler consumer', async () => {
      const consumer = await events.streams.consume({
        group: 'incidents-escalation-scheduler',
        topics: ESCALATION_TOPICS,
        handler: escalationScheduler(options.dataSource, options.escalations, timers.queue, options.now),
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
  ];
  return { parts, queue: () => timers.queue };
}

/** The background work on its own, without the server (tests). */
export async function startIncidentsRuntime(options: IncidentsRuntimeOptions): Promise<IncidentsRuntime> {
  const background = incidentsBackground(options);
  const close = await startBackground(background.parts);
  return { queue: background.queue(), close };
}
