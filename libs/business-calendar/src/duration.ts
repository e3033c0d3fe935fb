import { CalendarError } from './errors';

/** One minute in milliseconds: durations in this library are milliseconds of business time. */
export const MINUTE_MS = 60_000;
/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;

/** A whole, non-negative number of milliseconds (or days); anything else is a caller bug. */
export function assertDuration(value: number, label: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) {
    throw new CalendarError('INVALID_DURATION', `${label} must be a whole number, got ${String(value)}`);
  }
  if (value < 0) throw new CalendarError('NEGATIVE_DURATION', `${label} must not be negative, got ${value}`);
}
