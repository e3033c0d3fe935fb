import type { Queue } from 'bullmq';
import { In, Not, type DataSource } from 'typeorm';
import type { EventEnvelope } from '@polyplus/events';
import { Incident } from '../incident/incident.entity';
import { INCIDENT_TOPICS } from '../incident/incident-topics';
import { IncidentStatus } from '../incident/incident-status';
import { Escalation } from './escalation.entity';
import type { EscalationService } from './escalation.service';
import { ESCALATE, escalationJobId, type EscalationJob } from './escalation-queue';

/** The topics that start or cancel escalation timers. */
export const ESCALATION_TOPICS = [INCIDENT_TOPICS.opened, INCIDENT_TOPICS.statusChanged];

/** Adds the case's pending timers; fixed job ids make it a no-op for a timer that already exists. */
async function armTimers(incident: Incident, escalations: EscalationService, queue: Queue<EscalationJob>, now: Date, escalated: ReadonlySet<number> = new Set()): Promise<void> {
  const settled = new Set(escalations.settledTimers(incident).map((threshold) => threshold.level));
  for (const timer of escalations.timersFor(incident)) {
    if (settled.has(timer.level) || escalated.has(timer.level)) continue;
    await queue.add(ESCALATE, { incidentId: incident.id, level: timer.level }, {
      jobId: escalationJobId(incident.id, timer.level),
      delay: Math.max(0, timer.dueAt.getTime() - now.getTime()),
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: 1_000,
      removeOnFail: 5_000,
    });
  }
}

/**
 * Turns case events into delayed jobs: an opened case gets one timer per threshold, a response or
 * resolution removes the timers it settles. Driven by the outbox stream, so a mutation never needs
 * Redis; idempotent (fixed job ids), so a re-delivered event changes nothing.
 */
export function escalationScheduler(dataSource: DataSource, escalations: EscalationService, queue: Queue<EscalationJob>, now: () => Date = () => new Date()) {
  return async (event: EventEnvelope): Promise<void> => {
    const incident = await dataSource.getRepository(Incident).findOneBy({ id: event.key });
    if (!incident) return;
    if (event.topic === INCIDENT_TOPICS.opened) return armTimers(incident, escalations, queue, now());
    for (const threshold of escalations.settledTimers(incident)) {
      // A timer already running is left alone: the escalation itself re-checks the status.
      await queue.remove(escalationJobId(incident.id, threshold.level));
    }
  };
}

/**
 * Re-arms the timers of every open case, skipping levels already escalated. Redis keeps the timers
 * (AOF), but a Redis that lost its data would otherwise leave open cases never escalating.
 */
export async function rearmEscalationTimers(dataSource: DataSource, escalations: EscalationService, queue: Queue<EscalationJob>, now: Date = new Date()): Promise<number> {
  const open = await dataSource.getRepository(Incident).findBy({ status: Not(In([IncidentStatus.RESOLVED, IncidentStatus.CLOSED])) });
  const recorded = open.length === 0 ? [] : await dataSource.getRepository(Escalation).findBy({ incidentId: In(open.map((incident) => incident.id)) });
  for (const incident of open) {
    const escalated = new Set(recorded.filter((escalation) => escalation.incidentId === incident.id).map((escalation) => escalation.level));
    await armTimers(incident, escalations, queue, now, escalated);
  }
  return open.length;
}
