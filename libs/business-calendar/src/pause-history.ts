import { CalendarError } from './errors';
import { assertInstant } from './iso-date';

/** Why a case's resolution clock is paused: the case waits on someone other than support. */
export const PAUSE_REASONS = Object.freeze(['WAITING_ON_CUSTOMER', 'WAITING_ON_PARTNER', 'WAITING_ON_PART'] as const);

/** A reason in {@link PAUSE_REASONS}. */
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** One recorded pause, `[start, end)`; without `end` (or with `null`) it is still open. */
export type ClockPause = {
  readonly start: Date;
  readonly end?: Date | null;
  readonly reason: PauseReason;
};

/** A stretch of the pause history after overlapping and touching pauses are merged. */
export type PauseSpan = {
  readonly start: Date;
  /** `null` while the clock is still paused. */
  readonly end: Date | null;
  /** Every reason that paused the clock during the span, in {@link PAUSE_REASONS} order. */
  readonly reasons: readonly PauseReason[];
  /** Business time the span withheld from the clock: zero for a pause wholly outside business hours. */
  readonly businessMs: number;
};

/** A merged pause as instants (ms), clipped to the clock's window. */
export type MergedPause = {
  readonly start: number;
  readonly end: number;
  /** True when the pause is still open at the end of the window of a running clock. */
  readonly open: boolean;
  readonly reasons: readonly PauseReason[];
};

/**
 * Validates pauses, clips them to `[from, until]` and merges overlapping or touching ones, so a
 * stretch of time covered by two pauses is withheld once. Pauses starting after `until` are not
 * known yet and are left out; a pause reaching past `until` ends there, marked `open` when the
 * clock is still running (`stillRunning`). Zero-length pauses that are not open are dropped.
 * @throws CalendarError `INVALID_PAUSE`, `INVALID_DATE`, `INVALID_PERIOD`.
 */
export function mergePauses(pauses: readonly ClockPause[], from: number, until: number, stillRunning: boolean): MergedPause[] {
  if (!Array.isArray(pauses)) throw new CalendarError('INVALID_PAUSE', 'pauses must be a list');
  const clipped = pauses
    .map((pause, index) => validatePause(pause, index))
    .filter((pause) => pause.start <= until && pause.end > from)
    .map((pause) => ({
      start: Math.max(pause.start, from),
      end: Math.min(pause.end, until),
      open: stillRunning && pause.end > until,
      reasons: [pause.reason],
    }))
    .sort((a, b) => a.start - b.start);
  const merged: MergedPause[] = [];
  for (const pause of clipped) {
    const last = merged[merged.length - 1];
    if (last && pause.start <= last.end) {
      merged[merged.length - 1] = {
        start: last.start,
        end: Math.max(last.end, pause.end),
        open: last.open || pause.open,
        reasons: PAUSE_REASONS.filter((reason) => last.reasons.includes(reason) || pause.reasons.includes(reason)),
      };
    } else {
      merged.push(pause);
    }
  }
  return merged.filter((pause) => pause.open || pause.end > pause.start);
}

function validatePause(pause: ClockPause, index: number): { start: number; end: number; reason: PauseReason } {
  if (!pause || typeof pause !== 'object')
    throw new CalendarError('INVALID_PAUSE', `pause ${index} must be an object, got ${String(pause)}`);
  if (!PAUSE_REASONS.includes(pause.reason)) {
    throw new CalendarError(
      'INVALID_PAUSE',
      `pause ${index} has reason ${JSON.stringify(pause.reason)}: expected one of ${PAUSE_REASONS.join(', ')}`,
    );
  }
  const start = assertInstant(pause.start, `pause ${index} start`);
  const end = pause.end === undefined || pause.end === null ? Number.POSITIVE_INFINITY : assertInstant(pause.end, `pause ${index} end`);
  if (end < start) {
    throw new CalendarError(
      'INVALID_PERIOD',
      `pause ${index} ends (${pause.end?.toISOString()}) before it starts (${pause.start.toISOString()})`,
    );
  }
  return { start, end, reason: pause.reason };
}
