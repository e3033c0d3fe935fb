import { addBusinessTime } from './business-time';
import type { BusinessCalendar } from './calendar';
import { assertInstant } from './iso-date';
import type { TargetChange } from './resolution-clock';
import { DEFAULT_RESOLUTION_TARGET_MINUTES, resolutionTargetMs, type ResolutionTargets } from './resolution-target';
import { responseObjectiveMs } from './response-objective';
import { assertSeverity, type Severity } from './severity';

/**
 * The severity-change rule, for the response objective and the resolution target alike:
 * **a severity change never makes a case due later; it makes it due the new level's objective
 * after the change when that is sooner.**
 *
 * - An **upgrade** (to a more severe level: 3 → 2 → 1) re-targets from the change instant:
 *   new due = change + the new level's objective in business time, if that is sooner than the
 *   current due; otherwise the current due stands.
 * - A **downgrade** (to a less severe level) keeps the current due time: the new level's
 *   objective counted from the change (or from the start) is never sooner, because objectives
 *   grow as severity falls. A downgrade cannot rescue a case about to breach.
 * - A change to the same level changes nothing.
 *
 * For the response objective the clock does not pause, so "after the change" is plain business
 * time ({@link responseDueAfterSeverityChange}). For the resolution clock it is clock time: a
 * change made while the case is paused starts the new objective when the case resumes
 * ({@link resolutionTargetChanges} feeds the rule to the clock).
 */
export type SeverityChange = {
  /** When support changed the severity. */
  readonly at: Date;
  /** The new severity. */
  readonly severity: Severity;
};

/** True when `to` is more severe than `from` (1 is the most severe). */
export function isSeverityUpgrade(from: Severity, to: Severity): boolean {
  assertSeverity(from);
  assertSeverity(to);
  return to < from;
}

/** Input of {@link responseDueAfterSeverityChange}. */
export type ResponseSeverityChangeInput = {
  readonly calendar: BusinessCalendar;
  /** The response due time in force before the change. */
  readonly dueAt: Date;
  readonly change: SeverityChange;
};

/**
 * The response due time after a severity change, by the {@link SeverityChange} rule:
 * the sooner of `dueAt` and `change.at` plus the new severity's response objective
 * ({@link RESPONSE_OBJECTIVE_MINUTES}) in business time. A Severity 3 case upgraded to 1 at 16:50
 * on an 08:00–17:30 day is due at 17:20 unless it was due sooner.
 * @throws CalendarError `INVALID_SEVERITY`, `INVALID_DATE`.
 */
export function responseDueAfterSeverityChange(input: ResponseSeverityChangeInput): Date {
  const dueAt = assertInstant(input.dueAt, 'dueAt');
  const retargeted = addBusinessTime(input.calendar, input.change.at, responseObjectiveMs(input.change.severity));
  return new Date(Math.min(dueAt, retargeted.getTime()));
}

/**
 * The resolution clock's target changes for a severity history: each change becomes "from this
 * instant the objective is the new severity's resolution target", which the clock combines by the
 * {@link SeverityChange} rule. Pass the initial severity's target as the clock's `targetMs`.
 * @throws CalendarError `INVALID_SEVERITY`, `INVALID_DATE`, `INVALID_TARGET`.
 */
export function resolutionTargetChanges(
  changes: readonly SeverityChange[],
  targets: ResolutionTargets = DEFAULT_RESOLUTION_TARGET_MINUTES,
): TargetChange[] {
  return changes.map((change, index) => ({
    at: new Date(assertInstant(change.at, `severity change ${index} instant`)),
    targetMs: resolutionTargetMs(change.severity, targets),
  }));
}
