import { DelayedError, Worker } from 'bullmq';
import { closeWorkerWithin, type RedisConnection } from '@polyplus/events';
import { serviceLogger, withJobLogContext } from '@polyplus/logger';
import { inJobSpan } from '@polyplus/telemetry';
import type { EscalationService } from './escalation.service';
import { ESCALATION_QUEUE, type EscalationJob } from './escalation-queue';

export type EscalationWorker = { worker: Worker<EscalationJob>; close(graceMs?: number): Promise<void> };

/**
 * Wires the escalation queue to the use case; the timers live in Redis and outlive this process.
 * A timer that fires before its level is due on the service's clock (the case paused, or a test
 * clock frozen or moved back) puts itself back for the time that is left.
 */
export async function startEscalationWorker(
  redis: RedisConnection,
  prefix: string,
  escalations: EscalationService,
): Promise<EscalationWorker> {
  const worker = new Worker<EscalationJob>(
    ESCALATION_QUEUE,
    (job, token) =>
      inJobSpan(ESCALATION_QUEUE, job, () =>
        withJobLogContext(job, async () => {
          const escalation = await escalations.escalate(job.data.incidentId, job.data.level);
          if (escalation) return { escalated: true };
          const dueAt = await escalations.pendingDueAt(job.data.incidentId, job.data.level);
          const wait = dueAt ? dueAt.getTime() - escalations.currentTime().getTime() : 0;
          if (dueAt && wait > 0 && token) {
            await job.updateData({ ...job.data, dueAt: dueAt.toISOString() });
            await job.moveToDelayed(Date.now() + wait, token);
            throw new DelayedError();
          }
          return { escalated: false };
        }),
      ),
    { connection: redis, prefix, concurrency: 5 },
  );
  worker.on('failed', (job, error) =>
    withJobLogContext(job, () =>
      serviceLogger('escalation').error({ err: error, incidentId: job?.data.incidentId }, 'escalation job failed'),
    ),
  );
  await worker.waitUntilReady();
  return {
    worker,
    close: (graceMs?: number) => closeWorkerWithin(worker, graceMs),
  };
}
