import type { BusinessCalendar } from './calendar';
import { calendarDay, isOpenDay, localEpochDay, MAX_CLOSED_DAYS } from './calendar-days';
import { assertDuration } from './duration';
import { CalendarError } from './errors';
import { listPublicHolidays, type PublicHoliday } from './holidays';
import { assertInstant, formatEpochDay, parseIsoDate, type IsoDate } from './iso-date';

/** True when `date` (local) has opening hours and is neither a public holiday nor an extra closure. */
export function isBusinessDay(calendar: BusinessCalendar, date: IsoDate): boolean {
  return isOpenDay(calendar, parseIsoDate(date));
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(calendar: BusinessCalendar, date: IsoDate): IsoDate {
  return formatEpochDay(nextOpenDay(calendar, parseIsoDate(date)));
}

/**
 * The `days`-th business day strictly after `date` (`days = 0` returns `date` unchanged).
 * @throws CalendarError `NEGATIVE_DURATION` / `INVALID_DURATION` for a negative or fractional count.
 */
export function addBusinessDays(calendar: BusinessCalendar, date: IsoDate, days: number): IsoDate {
  assertDuration(days, 'business days');
  let day = parseIsoDate(date);
  for (let counted = 0; counted < days; counted += 1) day = nextOpenDay(calendar, day);
  return formatEpochDay(day);
}

/** The local date (in the calendar's time zone) on which an instant falls. */
export function localDate(calendar: BusinessCalendar, instant: Date): IsoDate {
  return formatEpochDay(localEpochDay(calendar, assertInstant(instant, 'instant')));
}

/** The instant business opens on `date`, or `undefined` when `date` is not a business day. */
export function startOfBusiness(calendar: BusinessCalendar, date: IsoDate): Date | undefined {
  const first = calendarDay(calendar, parseIsoDate(date)).open[0];
  return first ? new Date(first[0]) : undefined;
}

/** The calendar's public holidays in a year (closures not included), sorted by date. */
export function publicHolidays(calendar: BusinessCalendar, year: number): PublicHoliday[] {
  assertDuration(year, 'year');
  return listPublicHolidays(calendar.country, calendar.subdivision, year);
}

export function nextOpenDay(calendar: BusinessCalendar, epochDay: number): number {
  for (let day = epochDay + 1; day <= epochDay + MAX_CLOSED_DAYS; day += 1) {
    if (isOpenDay(calendar, day)) return day;
  }
  throw new CalendarError(
    'NO_BUSINESS_TIME',
    `calendar ${calendar.id} has no business day within ten years after ${formatEpochDay(epochDay)}`,
  );
}
