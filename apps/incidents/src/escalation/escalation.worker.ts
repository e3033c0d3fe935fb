import { startTimerWorker, type RedisConnection, type TimerWorker } from '@polyplus/events';
import { serviceLogger } from '@polyplus/logger';
import type { EscalationService } from './escalation.service';
import { ESCALATION_QUEUE, type EscalationJob } from './escalation-queue';

export type EscalationWorker = TimerWorker<EscalationJob>;

/**
 * Wires the escalation timers to the use case. A timer that fires before its level is due on the
 * service's clock (the case paused, or a test clock frozen or moved back) waits for the time that is left.
 */
export function startEscalationWorker(redis: RedisConnection, prefix: string, escalations: EscalationService): Promise<EscalationWorker> {
  return startTimerWorker<EscalationJob>({
    queue: ESCALATION_QUEUE,
    connection: redis,
    prefix,
    concurrency: 5,
    handle: async (job, timer) => {
      if (await escalations.escalate(job.incidentId, job.level)) return { escalated: true };
      const dueAt = await escalations.pendingDueAt(job.incidentId, job.level);
      const wait = dueAt ? dueAt.getTime() - escalations.currentTime().getTime() : 0;
      if (dueAt && wait > 0) return timer.waitMore(wait, { ...job, dueAt: dueAt.toISOString() });
      return { escalated: false };
    },
    onFailed: (error, job) => serviceLogger('escalation').error({ err: error, incidentId: job?.incidentId }, 'escalation job failed'),
  });
}
