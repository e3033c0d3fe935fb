import { DateTime, IANAZone } from 'luxon';
import { normalizeWeeklyHours, type MinuteRange } from './business-hours';
import { createCalendar, type BusinessCalendar } from './calendar';
import { CalendarError } from './errors';
import { isPublicHoliday } from './holidays';
import { parseIsoDate, weekdayOfEpochDay } from './iso-date';

/** One local day of a calendar, resolved to UTC instants (ms). */
export type CalendarDay = {
  readonly epochDay: number;
  /** Instant of local midnight (or the first existing minute when midnight is skipped by DST). */
  readonly start: number;
  /** Open intervals as [start, end) instants; empty on weekends, holidays and closures. */
  readonly open: readonly (readonly [number, number])[];
};

type CalendarState = {
  readonly zone: IANAZone;
  readonly week: readonly (readonly MinuteRange[])[];
  readonly closures: ReadonlySet<number>;
  readonly days: Map<number, CalendarDay>;
};

const DAY_MS = 86_400_000;
// Enough for decades of distinct days; cleared rather than grown without bound in a long-lived process.
const MAX_CACHED_DAYS = 50_000;
// Ten years without one open day means the configuration closes the calendar for good.
export const MAX_CLOSED_DAYS = 3660;
const states = new WeakMap<BusinessCalendar, CalendarState>();

function stateOf(calendar: BusinessCalendar): CalendarState {
  let state = states.get(calendar);
  if (!state) {
    if (!calendar || typeof calendar !== 'object')
      throw new CalendarError('INVALID_CALENDAR', `expected a business calendar, got ${String(calendar)}`);
    // Re-validating also covers calendars assembled by hand instead of through createCalendar.
    const valid = createCalendar(calendar);
    state = {
      zone: IANAZone.create(valid.timeZone),
      week: normalizeWeeklyHours(valid.hours),
      closures: new Set(valid.extraClosures.map((date) => parseIsoDate(date))),
      days: new Map(),
    };
    states.set(calendar, state);
  }
  return state;
}

/** The instant of a local wall-clock time; luxon moves a time inside a DST gap forward. */
export function wallClockInstant(calendar: BusinessCalendar, epochDay: number, minutes: number): number {
  const { zone } = stateOf(calendar);
  if (minutes >= 1440) return wallClockInstant(calendar, epochDay + Math.floor(minutes / 1440), minutes % 1440);
  const date = new Date(epochDay * DAY_MS);
  const instant = DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
    },
    { zone },
  ).toMillis();
  // Far outside luxon's range the result would be NaN: refuse rather than compute nonsense.
  if (Number.isNaN(instant)) throw new CalendarError('INVALID_DATE', `date ${date.toISOString()} is outside the supported range`);
  return instant;
}

/** True when the local day has opening hours and is neither a public holiday nor an extra closure. */
export function isOpenDay(calendar: BusinessCalendar, epochDay: number): boolean {
  const state = stateOf(calendar);
  return (
    state.week[weekdayOfEpochDay(epochDay)].length > 0 &&
    !state.closures.has(epochDay) &&
    !isPublicHoliday(calendar.country, calendar.subdivision, epochDay)
  );
}

/** The memoised local day: its midnight and its open intervals as instants. */
export function calendarDay(calendar: BusinessCalendar, epochDay: number): CalendarDay {
  const state = stateOf(calendar);
  const cached = state.days.get(epochDay);
  if (cached) return cached;
  const open: [number, number][] = [];
  if (isOpenDay(calendar, epochDay)) {
    for (const [from, to] of state.week[weekdayOfEpochDay(epochDay)]) {
      const start = wallClockInstant(calendar, epochDay, from);
      const end = wallClockInstant(calendar, epochDay, to);
      // An interval lying wholly inside a spring-forward gap does not exist that day.
      if (end > start) open.push([start, end]);
    }
  }
  const day = { epochDay, start: wallClockInstant(calendar, epochDay, 0), open };
  if (state.days.size >= MAX_CACHED_DAYS) state.days.clear();
  state.days.set(epochDay, day);
  return day;
}

/** The local day an instant falls on, found from memoised midnights instead of a (slow) Intl offset look-up. */
export function localEpochDay(calendar: BusinessCalendar, instant: number): number {
  // UTC offsets lie within ±14 h, so the local day is the UTC day or one of its neighbours.
  let day = Math.floor(instant / DAY_MS);
  if (instant < calendarDay(calendar, day).start) day -= 1;
  else if (instant >= calendarDay(calendar, day + 1).start) day += 1;
  return day;
}
