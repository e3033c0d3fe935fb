import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@polyplus/events';
import { Incident } from '../incident/incident.entity';
import { INCIDENT_TOPICS } from '../incident/incident-topics';
import type { EscalationService } from './escalation.service';
import { ESCALATE, escalationJobId, type EscalationJob } from './escalation-queue';

/** The topics that start or cancel escalation timers. */
export const ESCALATION_TOPICS = [INCIDENT_TOPICS.opened, INCIDENT_TOPICS.statusChanged];

/**
 * Turns case events into delayed jobs: an opened case gets one timer per threshold, a response or
 * resolution removes the timers it settles. Driven by the outbox stream, so a mutation never needs
 * Redis; idempotent (fixed job ids), so a re-delivered event changes nothing.
 */
export function escalationScheduler(dataSource: DataSource, escalations: EscalationService, queue: Queue<EscalationJob>, now: () => Date = () => new Date()) {
  return async (event: EventEnvelope): Promise<void> => {
    const incident = await dataSource.getRepository(Incident).findOneBy({ id: event.key });
    if (!incident) return;
    if (event.topic === INCIDENT_TOPICS.opened) {
      const settled = new Set(escalations.settledTimers(incident).map((threshold) => threshold.level));
      for (const timer of escalations.timersFor(incident)) {
        if (settled.has(timer.level)) continue;
        await queue.add(ESCALATE, { incidentId: incident.id, level: timer.level }, {
          jobId: escalationJobId(incident.id, timer.level),
          delay: Math.max(0, timer.dueAt.getTime() - now().getTime()),
          attempts: 5,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: 1_000,
          removeOnFail: 5_000,
        });
      }
      return;
    }
    for (const threshold of escalations.settledTimers(incident)) {
      // A timer already running is left alone: the escalation itself re-checks the status.
      await queue.remove(escalationJobId(incident.id, threshold.level));
    }
  };
}
