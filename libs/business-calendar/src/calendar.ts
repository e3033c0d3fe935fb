import { IANAZone } from 'luxon';
import { DEFAULT_BUSINESS_HOURS, normalizeWeeklyHours, type WeeklyHours } from './business-hours';
import { CalendarError } from './errors';
import { resolveRegion } from './holidays';
import { parseIsoDate, type IsoDate } from './iso-date';

/** What a region or site configures; see {@link createCalendar}. */
export type CalendarConfig = {
  /** Free label for logs and errors, e.g. `depot:EMEA` or `site:42`. Defaults to the country. */
  readonly id?: string;
  /** IANA time zone name, e.g. `Europe/Berlin`. */
  readonly timeZone: string;
  /** ISO 3166-1 alpha-2 country whose public holidays close the calendar. */
  readonly country: string;
  /** Optional subdivision (state, province) code as date-holidays knows it, e.g. `BY` for Bavaria. */
  readonly subdivision?: string;
  /** Opening hours; defaults to {@link DEFAULT_BUSINESS_HOURS} (Mon–Fri 08:00–17:30). */
  readonly hours?: WeeklyHours;
  /** Extra whole-day closures (company shutdown, local events) as `yyyy-mm-dd` local dates. */
  readonly extraClosures?: readonly IsoDate[];
};

/** A validated, immutable calendar. Build it once per region or site and reuse it: it memoises its days. */
export type BusinessCalendar = {
  readonly id: string;
  readonly timeZone: string;
  readonly country: string;
  readonly subdivision?: string;
  readonly hours: WeeklyHours;
  readonly extraClosures: readonly IsoDate[];
};

/**
 * Validates a calendar configuration and returns a frozen {@link BusinessCalendar}.
 * @throws CalendarError `UNKNOWN_TIME_ZONE`, `UNKNOWN_COUNTRY`, `UNKNOWN_SUBDIVISION`, `INVALID_HOURS`, `INVALID_TIME`, `INVALID_DATE`.
 */
export function createCalendar(config: CalendarConfig): BusinessCalendar {
  assertTimeZone(config.timeZone);
  const region = resolveRegion(config.country, config.subdivision);
  normalizeWeeklyHours(config.hours ?? DEFAULT_BUSINESS_HOURS);
  // A frozen copy: the memoised days must not drift if the caller later mutates its config.
  const hours = config.hours ? freezeHours(config.hours) : DEFAULT_BUSINESS_HOURS;
  const extraClosures = [...(config.extraClosures ?? [])];
  extraClosures.forEach((date) => parseIsoDate(date, 'extra closure date'));
  return Object.freeze({
    id: config.id ?? region.country,
    timeZone: config.timeZone,
    ...region,
    hours,
    extraClosures: Object.freeze(extraClosures),
  });
}

/** @throws CalendarError `UNKNOWN_TIME_ZONE` unless `timeZone` is an IANA zone name luxon knows. */
export function assertTimeZone(timeZone: string): void {
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) {
    throw new CalendarError(
      'UNKNOWN_TIME_ZONE',
      `unknown time zone ${JSON.stringify(timeZone)}: expected an IANA name such as Europe/Berlin`,
    );
  }
}

function freezeHours(hours: WeeklyHours): WeeklyHours {
  const entries = Object.entries(hours).map(([weekday, ranges]) => [
    weekday,
    Object.freeze(ranges.map(({ from, to }) => Object.freeze({ from, to }))),
  ]);
  return Object.freeze(Object.fromEntries(entries));
}
