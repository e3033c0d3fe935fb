import { addBusinessTime, businessTimeBetween } from './business-time';
import type { BusinessCalendar } from './calendar';
import { CalendarError } from './errors';
import { assertInstant } from './iso-date';
import { mergePauses, type ClockPause, type MergedPause, type PauseSpan } from './pause-history';

/**
 * Where a clock stands: `ON_TRACK` running within its target, `PAUSED` waiting on someone else
 * within its target, `BREACHED` past its due instant (running, paused or stopped late), `MET`
 * stopped on or before its due instant.
 */
export type ClockState = 'ON_TRACK' | 'PAUSED' | 'BREACHED' | 'MET';

/** From instant `at` on, the clock's objective is `targetMs` of business time (a severity change). */
export type TargetChange = { readonly at: Date; readonly targetMs: number };

/** Input of {@link resolutionClockAt}. */
export type ResolutionClockInput = {
  /** The calendar the case runs on (its site's): only its business time counts. */
  readonly calendar: BusinessCalendar;
  /** When the clock started (the customer's contact). */
  readonly startedAt: Date;
  /** The objective at the start, in milliseconds of business time. */
  readonly targetMs: number;
  /** Pauses in any order, possibly overlapping; an open pause has no `end`. */
  readonly pauses?: readonly ClockPause[];
  /** Objective changes, in any order; combined by the severity-change rule (see {@link resolutionClockAt}). */
  readonly targetChanges?: readonly TargetChange[];
  /** When the case was resolved and the clock stopped; absent while it runs. */
  readonly stoppedAt?: Date | null;
  /** The instant to evaluate the clock at. */
  readonly now: Date;
};

/** A clock evaluated at an instant. */
export type ResolutionClock = {
  readonly state: ClockState;
  /** Business time the clock has run: pauses, weekends, holidays and out-of-hours excluded. */
  readonly elapsedMs: number;
  /** Business time left before the target, zero once it is reached. */
  readonly remainingMs: number;
  /** Business time run past the target; zero unless breached. */
  readonly overdueMs: number;
  /** The objective in force after target changes, in business time from the start. */
  readonly targetMs: number;
  /**
   * When the target is reached: for `ON_TRACK` the instant it will be if the clock keeps running,
   * for `BREACHED` the instant it was. `null` while `PAUSED` (when the case resumes is unknown,
   * so `remainingMs` is the honest figure) and once `MET`.
   */
  readonly dueAt: Date | null;
  /** When the clock stopped (the case resolved), or `null` while it runs. */
  readonly stoppedAt: Date | null;
  /** Pauses up to `now` (or the stop), sorted and with overlaps merged. */
  readonly pauses: readonly PauseSpan[];
};

/**
 * A pausable business-time clock (a case's resolution clock) evaluated at `now`.
 *
 * Business time runs from `startedAt` except during pauses; overlapping pauses withhold their
 * common time once, and a pause outside business hours withholds nothing. Events after `now` are
 * not known yet and are ignored, as is anything after the stop, so evaluating at an earlier `now`
 * gives what the clock showed then.
 *
 * Target changes follow the severity-change rule: a change at `at` to target `T'` sets the
 * objective to `min(current, elapsed(at) + T')`. So a move to a more severe level (shorter
 * target) makes the case due `T'` of clock time after the change when that is sooner than before,
 * and a move to a less severe level never makes it due later (it keeps the earlier due time).
 * When the clock is paused at the change, the new `T'` starts counting at resumption.
 *
 * The case is `BREACHED` once real time passes the due instant unresolved (a case due at 17:30
 * closing is breached at 17:31 even though no business time has run since); it is `MET` when it
 * stopped at or before that instant.
 * @throws CalendarError `INVALID_DATE`, `INVALID_PERIOD`, `INVALID_TARGET`, `INVALID_PAUSE`.
 */
export function resolutionClockAt(input: ResolutionClockInput): ResolutionClock {
  const { calendar } = input;
  const start = assertInstant(input.startedAt, 'startedAt');
  const now = assertInstant(input.now, 'now');
  assertTarget(input.targetMs, 'target');
  if (now < start)
    throw new CalendarError(
      'INVALID_PERIOD',
      `now (${input.now.toISOString()}) is before the clock started (${input.startedAt.toISOString()})`,
    );
  const stop = input.stoppedAt === undefined || input.stoppedAt === null ? undefined : assertInstant(input.stoppedAt, 'stoppedAt');
  if (stop !== undefined && stop < start) {
    throw new CalendarError(
      'INVALID_PERIOD',
      `the clock stopped (${input.stoppedAt?.toISOString()}) before it started (${input.startedAt.toISOString()})`,
    );
  }
  const stopped = stop !== undefined && stop <= now;
  const horizon = stopped ? stop : now;

  const pauses = mergePauses(input.pauses ?? [], start, horizon, !stopped);
  const running = runningIntervals(start, horizon, pauses);
  const elapsedUntil = (instant: number) =>
    running.reduce(
      (sum, [from, to]) => (from >= instant ? sum : sum + businessTimeBetween(calendar, new Date(from), new Date(Math.min(to, instant)))),
      0,
    );

  const targetMs = effectiveTarget(input.targetMs, input.targetChanges ?? [], start, horizon, elapsedUntil);
  const elapsedMs = elapsedUntil(horizon);
  const reachedAt = instantReaching(calendar, running, targetMs);
  const breached = reachedAt !== undefined && reachedAt < horizon;
  const pausedNow = !stopped && pauses.some((pause) => pause.open);

  const state: ClockState = breached ? 'BREACHED' : stopped ? 'MET' : pausedNow ? 'PAUSED' : 'ON_TRACK';
  const dueAt =
    state === 'BREACHED'
      ? reachedAt
      : state === 'ON_TRACK'
        ? (reachedAt ?? addBusinessTime(calendar, new Date(now), targetMs - elapsedMs).getTime())
        : undefined;
  return {
    state,
    elapsedMs,
    remainingMs: Math.max(0, targetMs - elapsedMs),
    overdueMs: Math.max(0, elapsedMs - targetMs),
    targetMs,
    dueAt: dueAt === undefined ? null : new Date(dueAt),
    stoppedAt: stopped ? new Date(stop) : null,
    pauses: pauses.map((pause) => ({
      start: new Date(pause.start),
      end: pause.open ? null : new Date(pause.end),
      reasons: pause.reasons,
      businessMs: businessTimeBetween(calendar, new Date(pause.start), new Date(pause.end)),
    })),
  };
}

function assertTarget(targetMs: number, label: string): void {
  if (typeof targetMs !== 'number' || !Number.isInteger(targetMs) || targetMs <= 0) {
    throw new CalendarError('INVALID_TARGET', `${label} must be a positive whole number of milliseconds, got ${String(targetMs)}`);
  }
}

/** [start, horizon] minus the merged pauses, as [from, to) instants. */
function runningIntervals(start: number, horizon: number, pauses: readonly MergedPause[]): [number, number][] {
  const intervals: [number, number][] = [];
  let from = start;
  for (const pause of pauses) {
    if (pause.start > from) intervals.push([from, pause.start]);
    from = Math.max(from, pause.end);
  }
  if (horizon > from) intervals.push([from, horizon]);
  return intervals;
}

function effectiveTarget(
  initial: number,
  changes: readonly TargetChange[],
  start: number,
  horizon: number,
  elapsedUntil: (instant: number) => number,
): number {
  if (!Array.isArray(changes)) throw new CalendarError('INVALID_TARGET', 'target changes must be a list');
  let target = initial;
  changes.forEach((change, index) => {
    const at = assertInstant(change?.at, `target change ${index} instant`);
    assertTarget(change.targetMs, `target change ${index} target`);
    if (at < start)
      throw new CalendarError('INVALID_PERIOD', `target change ${index} (${change.at.toISOString()}) is before the clock started`);
    // min() makes the order of changes irrelevant and never moves the due time later.
    if (at <= horizon) target = Math.min(target, elapsedUntil(at) + change.targetMs);
  });
  return target;
}

/** The first instant at which the running intervals have accumulated `targetMs` of business time. */
function instantReaching(calendar: BusinessCalendar, running: readonly [number, number][], targetMs: number): number | undefined {
  let needed = targetMs;
  for (const [from, to] of running) {
    const available = businessTimeBetween(calendar, new Date(from), new Date(to));
    if (available >= needed) return addBusinessTime(calendar, new Date(from), needed).getTime();
    needed -= available;
  }
  return undefined;
}
