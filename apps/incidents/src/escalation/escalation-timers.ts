import type { DataSource } from 'typeorm';
import { DurableTimers } from '@polyplus/events';
import { serviceLogger } from '@polyplus/logger';
import type { EscalationService } from './escalation.service';
import { ESCALATION_QUEUE, ESCALATION_TIMERS, type EscalationJob } from './escalation-queue';
import { pendingEscalationTimers } from './escalation.scheduler';

export type EscalationTimersOptions = {
  redisUrl?: string;
  prefix?: string;
  /** How often open cases' timers are re-armed (default `ESCALATION_REARM_MS` or 10 min). */
  rearmEveryMs?: number;
};

/**
 * Escalations as durable timers (BullMQ delayed jobs in Redis, so they survive restarts), one per
 * case and level, on the escalation service's clock. The escalation scheduler arms them on `queue`
 * from case events; open cases' timers are re-armed at start, periodically (one replica per
 * period) and on `rearm()`. A timer that fires before its level is due (the case paused, or a test
 * clock frozen or moved back) waits for the time that is left; escalating is idempotent, as a
 * timer can run twice.
 * Connections open in `start`, so building the schema (e.g. to print SDL) needs no Redis.
 */
export class EscalationTimers extends DurableTimers<EscalationJob> {
  constructor(dataSource: DataSource, escalations: EscalationService, options: EscalationTimersOptions = {}) {
    super({
      queue: ESCALATION_QUEUE,
      ...ESCALATION_TIMERS,
      prefix: options.prefix,
      redisUrl: options.redisUrl,
      now: () => escalations.currentTime(),
      concurrency: 5,
      handle: async (job, timer) => {
        if (await escalations.escalate(job.incidentId, job.level)) return { escalated: true };
        const dueAt = await escalations.pendingDueAt(job.incidentId, job.level);
        const wait = dueAt ? dueAt.getTime() - escalations.currentTime().getTime() : 0;
        if (dueAt && wait > 0) return timer.waitMore(wait, { ...job, dueAt: dueAt.toISOString() });
        return { escalated: false };
      },
      onFailed: (error, job) => serviceLogger('escalation').error({ err: error, incidentId: job?.incidentId }, 'escalation job failed'),
      pending: () => pendingEscalationTimers(dataSource, escalations),
      sweep: {
        name: 'incidents-escalation-rearm',
        everyMs: options.rearmEveryMs ?? Number(process.env.ESCALATION_REARM_MS ?? 10 * 60_000),
      },
      logName: 'escalation',
    });
  }
}
