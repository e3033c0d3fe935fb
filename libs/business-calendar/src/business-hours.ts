import { CalendarError } from './errors';

/** Day of the week, as used in {@link WeeklyHours}. */
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/**
 * One opening interval in local wall-clock time, `HH:mm`, `from` inclusive, `to` exclusive.
 * `to` may be `24:00` (end of the day); an overnight shift is two intervals on two weekdays.
 */
export type TimeRange = { readonly from: string; readonly to: string };

/**
 * Opening hours per weekday as a list of intervals, so split shifts (a lunch break) and
 * per-weekday hours are expressible. A weekday that is missing or empty is closed.
 */
export type WeeklyHours = Readonly<Partial<Record<Weekday, readonly TimeRange[]>>>;

const OFFICE_DAY: readonly TimeRange[] = [{ from: '08:00', to: '17:30' }];

/** Mon–Fri 08:00–17:30 local: the business day implied by the service description's example. */
export const DEFAULT_BUSINESS_HOURS: WeeklyHours = Object.freeze({
  monday: OFFICE_DAY,
  tuesday: OFFICE_DAY,
  wednesday: OFFICE_DAY,
  thursday: OFFICE_DAY,
  friday: OFFICE_DAY,
});

// Indexed like Date#getUTCDay: 0 = Sunday.
export const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const ALL_DAY: readonly TimeRange[] = [{ from: '00:00', to: '24:00' }];

/** Every hour of every day (public holidays and closures still close it): 24x7 contracts, and tests that want plain time. */
export const ROUND_THE_CLOCK_HOURS: WeeklyHours = Object.freeze(Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, ALL_DAY])));

/** Minutes after local midnight, [from, to). */
export type MinuteRange = readonly [number, number];

const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Parses `HH:mm` to minutes after midnight; `24:00` only where `allowEndOfDay`. */
export function parseClock(value: string, label: string, allowEndOfDay = false): number {
  const match = typeof value === 'string' ? CLOCK.exec(value) : null;
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || minutes > 1440 || (minutes === 1440 && !allowEndOfDay)) {
    throw new CalendarError(
      'INVALID_TIME',
      `${label} must be a local time HH:mm${allowEndOfDay ? ' (up to 24:00)' : ''}, got ${JSON.stringify(value)}`,
    );
  }
  return minutes;
}

/** Validates weekly hours and turns them into sorted, merged minute ranges per weekday (0 = Sunday). */
export function normalizeWeeklyHours(hours: WeeklyHours): readonly (readonly MinuteRange[])[] {
  const unknown = Object.keys(hours).filter((key) => !WEEKDAYS.includes(key as Weekday));
  if (unknown.length > 0) throw new CalendarError('INVALID_HOURS', `unknown weekday(s) in business hours: ${unknown.join(', ')}`);
  const week = WEEKDAYS.map((weekday) => normalizeDay(weekday, hours[weekday] ?? []));
  if (week.every((day) => day.length === 0)) {
    throw new CalendarError('INVALID_HOURS', 'business hours must open on at least one weekday');
  }
  return week;
}

function normalizeDay(weekday: Weekday, ranges: readonly TimeRange[]): MinuteRange[] {
  if (!Array.isArray(ranges)) throw new CalendarError('INVALID_HOURS', `${weekday} hours must be a list of {from, to} intervals`);
  const parsed = ranges
    .map((range): MinuteRange => {
      const from = parseClock(range?.from, `${weekday} opening time`);
      const to = parseClock(range?.to, `${weekday} closing time`, true);
      if (to <= from) throw new CalendarError('INVALID_HOURS', `${weekday} interval ${range.from}–${range.to} closes before it opens`);
      return [from, to];
    })
    .sort((a, b) => a[0] - b[0]);
  const merged: MinuteRange[] = [];
  for (const range of parsed) {
    const last = merged[merged.length - 1];
    if (last && range[0] < last[1]) {
      throw new CalendarError('INVALID_HOURS', `${weekday} intervals overlap at ${formatMinutes(range[0])}`);
    }
    // Back-to-back intervals (12:00–13:00, 13:00–14:00) are one stretch of business time.
    if (last && range[0] === last[1]) merged[merged.length - 1] = [last[0], range[1]];
    else merged.push(range);
  }
  return merged;
}

/** Minutes after midnight as `HH:mm` (1440 → `24:00`). */
export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
