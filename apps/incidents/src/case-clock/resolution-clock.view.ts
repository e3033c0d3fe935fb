import { MINUTE_MS, resolutionClockAt, type BusinessCalendar, type ClockPause, type ResolutionClock } from '@polyplus/business-calendar';
import type { Incident } from '../incident/incident.entity';
import { IncidentStatus } from '../incident/incident-status';
import type { IncidentClockPause } from './clock-pause.entity';
import type { IncidentSeverityChange } from './severity-change.entity';
import { PauseReason } from './pause-reason';

/** What is stored about a case's clocks: read together, evaluated by the business-calendar lib. */
export type ClockFacts = {
  incident: Pick<Incident, 'contactedAt' | 'resolutionTargetMinutes' | 'status' | 'resolvedAt'>;
  severityChanges: readonly Pick<IncidentSeverityChange, 'at' | 'resolutionTargetMinutes'>[];
  pauses: readonly Pick<IncidentClockPause, 'startedAt' | 'endedAt' | 'reason'>[];
};

/** A case's resolution clock with whole minutes, as the `Incident.resolutionClock` field shows it. */
export type ResolutionClockView = {
  clock: ResolutionClock;
  startedAt: Date;
  targetMinutes: number;
  elapsedMinutes: number;
  remainingMinutes: number;
  overdueMinutes: number;
  /** What the case waits on now (open pauses of a running clock). */
  waitingOn: PauseReason[];
};

/** The clock stops when the case is resolved; a reopened case runs again (its resolved time is a pause). */
export function stoppedAtOf(incident: ClockFacts['incident']): Date | null {
  const stopped = incident.status === IncidentStatus.RESOLVED || incident.status === IncidentStatus.CLOSED;
  return stopped ? (incident.resolvedAt ?? null) : null;
}

/**
 * The lib's input from stored facts: the clock starts at the customer's contact with the initial
 * severity's target; each severity change is a target change (the lib applies the severity-change
 * rule); each pause row is a pause. Facts dated before the contact count from the contact.
 */
export function clockInput(facts: ClockFacts) {
  const startedAt = facts.incident.contactedAt;
  const notBeforeStart = (at: Date) => new Date(Math.max(at.getTime(), startedAt.getTime()));
  return {
    startedAt,
    targetMs: facts.incident.resolutionTargetMinutes * MINUTE_MS,
    targetChanges: facts.severityChanges.map((change) => ({
      at: notBeforeStart(change.at),
      targetMs: change.resolutionTargetMinutes * MINUTE_MS,
    })),
    pauses: facts.pauses.map((pause): ClockPause => ({ start: pause.startedAt, end: pause.endedAt, reason: pause.reason })),
    stoppedAt: stoppedAtOf(facts.incident),
  };
}

/**
 * The instant to evaluate at: `now`, but never before a stored fact (a test clock moved back
 * behind the case must not make the lib refuse it); the lib ignores nothing then.
 */
export function evaluationInstant(facts: ClockFacts, now: Date): Date {
  const instants = [
    now,
    facts.incident.contactedAt,
    ...facts.severityChanges.map((change) => change.at),
    ...facts.pauses.map((pause) => pause.startedAt),
  ];
  return new Date(Math.max(...instants.map((instant) => instant.getTime())));
}

/** Evaluates a case's resolution clock from its stored facts at `now` in the site's calendar. */
export function resolutionClockOf(facts: ClockFacts, calendar: BusinessCalendar, now: Date): ResolutionClockView {
  const input = clockInput(facts);
  const clock = resolutionClockAt({ calendar, ...input, now: evaluationInstant(facts, now) });
  const targetMinutes = Math.round(clock.targetMs / MINUTE_MS);
  const elapsedMinutes = Math.floor(clock.elapsedMs / MINUTE_MS);
  const running = clock.stoppedAt === null;
  const waitingOn = running
    ? [...new Set(facts.pauses.filter((pause) => pause.endedAt === null && pause.startedAt <= now).map((pause) => pause.reason))].sort()
    : [];
  return {
    clock,
    startedAt: input.startedAt,
    targetMinutes,
    elapsedMinutes,
    // Whole minutes that add up to the target while it is not breached.
    remainingMinutes: clock.remainingMs === 0 ? 0 : Math.max(0, targetMinutes - elapsedMinutes),
    overdueMinutes: Math.floor(clock.overdueMs / MINUTE_MS),
    waitingOn,
  };
}
