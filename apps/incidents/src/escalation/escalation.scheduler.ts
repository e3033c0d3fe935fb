import type { Job, Queue } from 'bullmq';
import { In, Not, type DataSource } from 'typeorm';
import { INCIDENT_TOPICS, type EventEnvelope } from '@polyplus/events';
import { withTraceparent } from '@polyplus/telemetry';
import { Incident } from '../incident/incident.entity';
import { isOpen } from '../incident/incident-lifecycle';
import { IncidentStatus } from '../incident/incident-status';
import { clockFactsOf, type StoredClockFacts } from '../case-clock/clock-facts';
import { Escalation } from './escalation.entity';
import type { EscalationService, EscalationTimer } from './escalation.service';
import { ESCALATE, escalationJobId, type EscalationJob } from './escalation-queue';

/** The topics that start, move or cancel escalation timers. */
export const ESCALATION_TOPICS = [
  INCIDENT_TOPICS.opened,
  INCIDENT_TOPICS.statusChanged,
  INCIDENT_TOPICS.severityChanged,
  INCIDENT_TOPICS.clockPaused,
  INCIDENT_TOPICS.clockResumed,
];

const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  // A finished timer frees its id, so the case can be armed again (a clock moved, a case reopened).
  removeOnComplete: true,
  removeOnFail: 5_000,
} as const;

/** Swallows the race of a job turning active between reading and changing it: the running job re-checks itself. */
const tolerate = (work: Promise<unknown>) => work.catch(() => undefined);

/**
 * Brings one timer in line with its due instant on the service's clock: a new timer is added, a
 * delayed one is moved when its due instant changed (a severity change, a pause ended, the clock
 * moved), a paused one is taken off the queue, and a finished one is armed again. The delay is
 * `due − now` on the service's clock; BullMQ counts it in real time.
 */
async function armTimer(queue: Queue<EscalationJob>, incidentId: string, timer: EscalationTimer, now: Date): Promise<void> {
  const jobId = escalationJobId(incidentId, timer.level);
  const existing: Job<EscalationJob> | undefined = await queue.getJob(jobId);
  const state = existing ? await existing.getState() : 'missing';
  if (timer.dueAt === null) {
    if (existing && state === 'delayed') await tolerate(existing.remove());
    return;
  }
  const dueAt = timer.dueAt.toISOString();
  const delay = Math.max(0, timer.dueAt.getTime() - now.getTime());
  const data: EscalationJob = { incidentId, level: timer.level, dueAt };
  if (existing && state === 'delayed') {
    if (existing.data.dueAt === dueAt) return;
    await tolerate(existing.changeDelay(delay).then(() => existing.updateData(data)));
    return;
  }
  if (existing && (state === 'completed' || state === 'failed')) await tolerate(existing.remove());
  else if (existing) return; // waiting or running now: it re-checks the due instant itself
  // The timer joins the trace of the change that armed it.
  await queue.add(ESCALATE, withTraceparent(data), { jobId, delay, ...JOB_OPTIONS });
}

/** Arms the case's pending timers, skipping settled levels and levels already escalated. */
async function armTimers(
  facts: StoredClockFacts,
  escalations: EscalationService,
  queue: Queue<EscalationJob>,
  now: Date,
  escalated: ReadonlySet<number>,
): Promise<void> {
  const settled = new Set(escalations.settledTimers(facts.incident).map((threshold) => threshold.level));
  for (const timer of escalations.timersFor(facts, now)) {
    if (settled.has(timer.level) || escalated.has(timer.level)) continue;
    await armTimer(queue, facts.incident.id, timer, now);
  }
}

async function escalatedLevels(dataSource: DataSource, incidentIds: string[]): Promise<Map<string, Set<number>>> {
  const recorded = incidentIds.length === 0 ? [] : await dataSource.getRepository(Escalation).findBy({ incidentId: In(incidentIds) });
  const levels = new Map<string, Set<number>>();
  for (const escalation of recorded)
    levels.set(escalation.incidentId, (levels.get(escalation.incidentId) ?? new Set()).add(escalation.level));
  return levels;
}

/**
 * Turns case events into delayed jobs: an opened case gets one timer per threshold; a severity
 * change, a pause or its end moves them; a response or resolution removes the timers it settles.
 * Driven by the outbox stream, so a mutation never needs Redis; idempotent (fixed job ids, due
 * instants recomputed from stored facts), so a re-delivered event changes nothing.
 */
export function escalationScheduler(
  dataSource: DataSource,
  escalations: EscalationService,
  queue: Queue<EscalationJob>,
  now: () => Date = () => escalations.currentTime(),
) {
  return async (event: EventEnvelope): Promise<void> => {
    const incident = await dataSource.getRepository(Incident).findOneBy({ id: event.key });
    if (!incident) return;
    for (const threshold of escalations.settledTimers(incident)) {
      // A timer already running is left alone: the escalation itself re-checks the status.
      await queue.remove(escalationJobId(incident.id, threshold.level));
    }
    if (!isOpen(incident.status)) return;
    const facts = (await clockFactsOf(dataSource.manager, [incident])).get(incident.id) as StoredClockFacts;
    const escalated = (await escalatedLevels(dataSource, [incident.id])).get(incident.id) ?? new Set<number>();
    await armTimers(facts, escalations, queue, now(), escalated);
  };
}

/**
 * Re-arms the timers of every open case against the service's clock, skipping levels already
 * escalated: Redis keeps the timers (AOF), but a Redis that lost its data would otherwise leave
 * open cases never escalating, and a moved test clock needs the delays recomputed.
 */
export async function rearmEscalationTimers(
  dataSource: DataSource,
  escalations: EscalationService,
  queue: Queue<EscalationJob>,
  now: Date = escalations.currentTime(),
): Promise<number> {
  const open = await dataSource.getRepository(Incident).findBy({ status: Not(In([IncidentStatus.RESOLVED, IncidentStatus.CLOSED])) });
  const ids = open.map((incident) => incident.id);
  const [facts, escalated] = await Promise.all([clockFactsOf(dataSource.manager, open), escalatedLevels(dataSource, ids)]);
  for (const incident of open) {
    await armTimers(facts.get(incident.id) as StoredClockFacts, escalations, queue, now, escalated.get(incident.id) ?? new Set());
  }
  return open.length;
}
