import { formatMinutes, normalizeWeeklyHours, WEEKDAYS, type TimeRange, type Weekday } from './business-hours';
import type { BusinessCalendar } from './calendar';
import { localEpochDay } from './calendar-days';
import { assertDuration } from './duration';
import { listPublicHolidays } from './holidays';
import { assertInstant, formatEpochDay, yearOfEpochDay, type IsoDate } from './iso-date';

/** A day a calendar is closed on: a public holiday of its country/subdivision or one of its extra closures. */
export type UpcomingClosure = {
  readonly date: IsoDate;
  /** The holiday's name (several names joined with ` / `), or `Site closure`. */
  readonly name: string;
  readonly kind: 'PUBLIC_HOLIDAY' | 'CLOSURE';
};

/** Why a due time is what it is: the hours, zone and coming closures of a calendar. */
export type CalendarDescription = {
  readonly id: string;
  readonly timeZone: string;
  readonly country: string;
  readonly subdivision?: string;
  /** Monday first, all seven days; a closed weekday has no hours. Back-to-back intervals merged. */
  readonly weeklyHours: readonly { readonly weekday: Weekday; readonly hours: readonly TimeRange[] }[];
  /** The weekly hours in one line, e.g. `Mon–Fri 08:00–17:30` or `Mon–Thu 08:00–12:00, 13:00–17:30; Fri 08:00–12:00`. */
  readonly hoursSummary: string;
  /** The next closures on or after the local date of `from`, sorted by date. */
  readonly upcomingClosures: readonly UpcomingClosure[];
};

/** Options of {@link describeCalendar}. */
export type DescribeCalendarOptions = {
  /** Closures are listed from this instant's local date on. */
  readonly from: Date;
  /** How many closures to list; default {@link DEFAULT_UPCOMING_CLOSURES}. */
  readonly count?: number;
};

/** How many coming closures {@link describeCalendar} lists by default. */
export const DEFAULT_UPCOMING_CLOSURES = 5;

/** Three-letter English weekday names, Monday first, as calendars and terms print them. */
export const SHORT_WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  monday: 'Mon',
  tuesday: 'Tue',
  wednesday: 'Wed',
  thursday: 'Thu',
  friday: 'Fri',
  saturday: 'Sat',
  sunday: 'Sun',
};
const MONDAY_FIRST: readonly number[] = [1, 2, 3, 4, 5, 6, 0];
// Every country date-holidays knows has public holidays; the bound only guards a config without any.
const YEARS_SEARCHED = 10;

/**
 * A readable description of a calendar (for a case's `calendar` field): business hours per
 * weekday, the time zone and the next `count` public holidays and extra closures from `from`.
 * Public holidays falling on closed weekdays are listed too: they are still the region's holidays.
 * @throws CalendarError `INVALID_DATE`, `INVALID_DURATION`, `NEGATIVE_DURATION`, `INVALID_CALENDAR`.
 */
export function describeCalendar(calendar: BusinessCalendar, options: DescribeCalendarOptions): CalendarDescription {
  const count = options.count ?? DEFAULT_UPCOMING_CLOSURES;
  assertDuration(count, 'closure count');
  const firstDay = localEpochDay(calendar, assertInstant(options.from, 'from'));
  const week = normalizeWeeklyHours(calendar.hours);
  const weeklyHours = MONDAY_FIRST.map((index) => ({
    weekday: WEEKDAYS[index],
    hours: week[index].map(([from, to]) => ({ from: formatMinutes(from), to: formatMinutes(to) })),
  }));
  return {
    id: calendar.id,
    timeZone: calendar.timeZone,
    country: calendar.country,
    ...(calendar.subdivision === undefined ? {} : { subdivision: calendar.subdivision }),
    weeklyHours,
    hoursSummary: summarise(weeklyHours),
    upcomingClosures: upcomingClosures(calendar, firstDay, count),
  };
}

function upcomingClosures(calendar: BusinessCalendar, firstDay: number, count: number): UpcomingClosure[] {
  if (count === 0) return [];
  const firstDate = formatEpochDay(firstDay);
  const holidayNames = new Map<IsoDate, string[]>();
  const closures = [...new Set(calendar.extraClosures)].filter((date) => date >= firstDate);
  const firstYear = yearOfEpochDay(firstDay);
  for (let year = firstYear; year < firstYear + YEARS_SEARCHED; year += 1) {
    for (const { date, name } of listPublicHolidays(calendar.country, calendar.subdivision, year)) {
      const names = holidayNames.get(date) ?? [];
      if (date >= firstDate && !names.includes(name)) holidayNames.set(date, [...names, name]);
    }
    // Later years only add later dates: stop once `count` dates up to this year's end are known.
    const yearEnd = `${year}-12-31`;
    const known = new Set([...holidayNames.keys(), ...closures].filter((date) => date <= yearEnd));
    if (known.size >= count) break;
  }
  // A public holiday that is also a configured closure is shown as the holiday.
  const listed: UpcomingClosure[] = [
    ...[...holidayNames].map(([date, names]): UpcomingClosure => ({ date, name: names.join(' / '), kind: 'PUBLIC_HOLIDAY' })),
    ...closures.filter((date) => !holidayNames.has(date)).map((date): UpcomingClosure => ({ date, name: 'Site closure', kind: 'CLOSURE' })),
  ];
  return listed.sort((a, b) => a.date.localeCompare(b.date)).slice(0, count);
}

function summarise(weeklyHours: CalendarDescription['weeklyHours']): string {
  const groups: { first: Weekday; last: Weekday; text: string }[] = [];
  for (const { weekday, hours } of weeklyHours) {
    const text = hours.map(({ from, to }) => `${from}–${to}`).join(', ');
    const last = groups[groups.length - 1];
    if (text && last?.text === text && isNextDay(last.last, weekday)) last.last = weekday;
    else if (text) groups.push({ first: weekday, last: weekday, text });
  }
  return groups
    .map(({ first, last, text }) => `${SHORT_WEEKDAY_NAMES[first]}${first === last ? '' : `–${SHORT_WEEKDAY_NAMES[last]}`} ${text}`)
    .join('; ');
}

function isNextDay(previous: Weekday, weekday: Weekday): boolean {
  return (WEEKDAYS.indexOf(previous) + 1) % 7 === WEEKDAYS.indexOf(weekday);
}
