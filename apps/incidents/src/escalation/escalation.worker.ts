import { Worker } from 'bullmq';
import { closeWorkerWithin, type RedisConnection } from '@polyplus/events';
import type { EscalationService } from './escalation.service';
import { ESCALATION_QUEUE, type EscalationJob } from './escalation-queue';

export type EscalationWorker = { worker: Worker<EscalationJob>; close(graceMs?: number): Promise<void> };

/** Wires the escalation queue to the use case; the timers live in Redis and outlive this process. */
export async function startEscalationWorker(redis: RedisConnection, prefix: string, escalations: EscalationService): Promise<EscalationWorker> {
  const worker = new Worker<EscalationJob>(
    ESCALATION_QUEUE,
    async (job) => {
      const escalation = await escalations.escalate(job.data.incidentId, job.data.level);
      return { escalated: escalation !== null };
    },
    { connection: redis, prefix, concurrency: 5 },
  );
  worker.on('failed', (job, error) => console.error(`[escalation] job ${job?.id} failed: ${error.message}`));
  await worker.waitUntilReady();
  return {
    worker,
    close: (graceMs?: number) => closeWorkerWithin(worker, graceMs),
  };
}
