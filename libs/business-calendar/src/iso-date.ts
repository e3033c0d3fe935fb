import { CalendarError } from './errors';

/** A calendar date as `yyyy-mm-dd` (no time, no zone). */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Dates are handled internally as whole days since 1970-01-01: cheap to compare and step.
export function parseIsoDate(value: string, label = 'date'): number {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) throw new CalendarError('INVALID_DATE', `${label} must be an ISO date yyyy-mm-dd, got ${JSON.stringify(value)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to March; a rolled date is a typo, not a date.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new CalendarError('INVALID_DATE', `${label} ${value} is not a real calendar date`);
  }
  return ms / DAY_MS;
}

export function formatEpochDay(epochDay: number): IsoDate {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function yearOfEpochDay(epochDay: number): number {
  return new Date(epochDay * DAY_MS).getUTCFullYear();
}

export function assertInstant(value: unknown, label: string): number {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new CalendarError('INVALID_DATE', `${label} must be a valid Date, got ${String(value)}`);
  }
  return value.getTime();
}
