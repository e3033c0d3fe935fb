import type { BusinessCalendar } from './calendar';
import { calendarDay, localEpochDay, MAX_CLOSED_DAYS } from './calendar-days';
import { assertDuration } from './duration';
import { CalendarError } from './errors';
import { assertInstant } from './iso-date';

/**
 * The instant at which `durationMs` milliseconds of business time have elapsed after `start`.
 * Time outside business hours, on weekends, public holidays and closures does not count; across
 * a DST change the real elapsed time counts, so an interval that loses an hour offers one hour less.
 * A duration that ends exactly at closing time returns the closing instant, not the next opening.
 * @throws CalendarError `INVALID_DATE`, `NEGATIVE_DURATION`, `INVALID_DURATION`, `NO_BUSINESS_TIME`.
 */
export function addBusinessTime(calendar: BusinessCalendar, start: Date, durationMs: number): Date {
  const from = assertInstant(start, 'start');
  assertDuration(durationMs, 'business duration (ms)');
  if (durationMs === 0) return new Date(from);
  let remaining = durationMs;
  let closedDays = 0;
  for (let day = localEpochDay(calendar, from); ; day += 1) {
    const { open } = calendarDay(calendar, day);
    closedDays = open.length === 0 ? closedDays + 1 : 0;
    if (closedDays > MAX_CLOSED_DAYS) {
      throw new CalendarError(
        'NO_BUSINESS_TIME',
        `calendar ${calendar.id} has no business hours for ten years after ${start.toISOString()}`,
      );
    }
    for (const [openAt, closeAt] of open) {
      if (closeAt <= from) continue;
      const begin = Math.max(openAt, from);
      if (remaining <= closeAt - begin) return new Date(begin + remaining);
      remaining -= closeAt - begin;
    }
  }
}

/**
 * Milliseconds of business time in [`from`, `to`): case ageing and escalation thresholds.
 * @throws CalendarError `INVALID_DATE`; `NEGATIVE_DURATION` when `to` is before `from`.
 */
export function businessTimeBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const start = assertInstant(from, 'from');
  const end = assertInstant(to, 'to');
  if (end < start) {
    throw new CalendarError('NEGATIVE_DURATION', `to (${to.toISOString()}) is before from (${from.toISOString()})`);
  }
  let total = 0;
  const lastDay = localEpochDay(calendar, end);
  for (let day = localEpochDay(calendar, start); day <= lastDay; day += 1) {
    for (const [openAt, closeAt] of calendarDay(calendar, day).open) {
      total += Math.max(0, Math.min(closeAt, end) - Math.max(openAt, start));
    }
  }
  return total;
}

/** True when the instant falls inside an open interval of a business day (opening inclusive, closing exclusive). */
export function isWithinBusinessHours(calendar: BusinessCalendar, instant: Date): boolean {
  const at = assertInstant(instant, 'instant');
  return calendarDay(calendar, localEpochDay(calendar, at)).open.some(([openAt, closeAt]) => openAt <= at && at < closeAt);
}
