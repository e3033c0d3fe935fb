import type { Queue } from 'bullmq';
import { In, Not, type DataSource } from 'typeorm';
import { INCIDENT_TOPICS, TimerSet, type EventEnvelope, type TimerArming } from '@polyplus/events';
import { Incident } from '../incident/incident.entity';
import { isOpen } from '../incident/incident-lifecycle';
import { IncidentStatus } from '../incident/incident-status';
import { clockFactsOf, type StoredClockFacts } from '../case-clock/clock-facts';
import { Escalation } from './escalation.entity';
import type { EscalationService } from './escalation.service';
import { ESCALATION_TIMERS, escalationTimerKey, type EscalationJob } from './escalation-queue';

/** The topics that start, move or cancel escalation timers. */
export const ESCALATION_TOPICS = [
  INCIDENT_TOPICS.opened,
  INCIDENT_TOPICS.statusChanged,
  INCIDENT_TOPICS.severityChanged,
  INCIDENT_TOPICS.clockPaused,
  INCIDENT_TOPICS.clockResumed,
];

/**
 * The case's pending timers, skipping settled levels and levels already escalated; a level whose
 * clock is paused has no due instant (its waiting timer is taken off).
 */
function pendingTimers(
  facts: StoredClockFacts,
  escalations: EscalationService,
  now: Date,
  escalated: ReadonlySet<number>,
): TimerArming<EscalationJob>[] {
  const { id: incidentId } = facts.incident;
  const settled = new Set(escalations.settledTimers(facts.incident).map((threshold) => threshold.level));
  return escalations
    .timersFor(facts, now)
    .filter((timer) => !settled.has(timer.level) && !escalated.has(timer.level))
    .map(({ level, dueAt }) => ({
      key: escalationTimerKey(incidentId, level),
      dueAt,
      data: { incidentId, level, dueAt: dueAt?.toISOString() },
    }));
}

async function escalatedLevels(dataSource: DataSource, incidentIds: string[]): Promise<Map<string, Set<number>>> {
  const recorded = incidentIds.length === 0 ? [] : await dataSource.getRepository(Escalation).findBy({ incidentId: In(incidentIds) });
  const levels = new Map<string, Set<number>>();
  for (const escalation of recorded)
    levels.set(escalation.incidentId, (levels.get(escalation.incidentId) ?? new Set()).add(escalation.level));
  return levels;
}

/**
 * Turns case events into durable timers: an opened case gets one timer per threshold; a severity
 * change, a pause or its end moves them; a response or resolution removes the timers it settles.
 * Driven by the outbox stream, so a mutation never needs Redis; idempotent (one timer per case and
 * level, due instants recomputed from stored facts), so a re-delivered event changes nothing.
 */
export function escalationScheduler(
  dataSource: DataSource,
  escalations: EscalationService,
  queue: Queue<EscalationJob>,
  now: () => Date = () => escalations.currentTime(),
) {
  const timers = new TimerSet(queue, ESCALATION_TIMERS);
  return async (event: EventEnvelope): Promise<void> => {
    const incident = await dataSource.getRepository(Incident).findOneBy({ id: event.key });
    if (!incident) return;
    for (const threshold of escalations.settledTimers(incident)) {
      // A timer already running is left alone: the escalation itself re-checks the status.
      await timers.disarm(escalationTimerKey(incident.id, threshold.level));
    }
    if (!isOpen(incident.status)) return;
    const facts = (await clockFactsOf(dataSource.manager, [incident])).get(incident.id) as StoredClockFacts;
    const escalated = (await escalatedLevels(dataSource, [incident.id])).get(incident.id) ?? new Set<number>();
    const at = now();
    await timers.rearm(pendingTimers(facts, escalations, at, escalated), at);
  };
}

/**
 * The timers of every open case against the service's clock, skipping levels already escalated:
 * what the periodic sweep re-arms (Redis keeps the timers with AOF, but a Redis that lost its data
 * would otherwise leave open cases never escalating, and a moved test clock needs the delays recomputed).
 */
export async function pendingEscalationTimers(
  dataSource: DataSource,
  escalations: EscalationService,
  now: Date = escalations.currentTime(),
): Promise<TimerArming<EscalationJob>[]> {
  const open = await dataSource.getRepository(Incident).findBy({ status: Not(In([IncidentStatus.RESOLVED, IncidentStatus.CLOSED])) });
  const ids = open.map((incident) => incident.id);
  const [facts, escalated] = await Promise.all([clockFactsOf(dataSource.manager, open), escalatedLevels(dataSource, ids)]);
  return open.flatMap((incident) =>
    pendingTimers(facts.get(incident.id) as StoredClockFacts, escalations, now, escalated.get(incident.id) ?? new Set()),
  );
}
