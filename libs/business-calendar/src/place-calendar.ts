import { DEFAULT_BUSINESS_HOURS, WEEKDAYS, type WeeklyHours } from './business-hours';
import { createCalendar, type BusinessCalendar } from './calendar';
import { CalendarError } from './errors';
import type { IsoDate } from './iso-date';

/** A place with a business calendar: a customer site, a depot, a replacement's destination. */
export type CalendarPlace = {
  /** ISO 3166-1 alpha-2 country whose public holidays close the place. */
  readonly countryCode: string;
  /** ISO 3166-2 subdivision without the country (`BY`, `SCT`, `ON`): its regional holidays close the place too. */
  readonly subdivision?: string | null;
  /** IANA time zone of the place. */
  readonly timeZone: string;
  /** Opening hours; default {@link DEFAULT_BUSINESS_HOURS}. */
  readonly hours?: WeeklyHours;
  /** Whole-day closures of the place besides public holidays, `yyyy-mm-dd`. */
  readonly extraClosures?: readonly IsoDate[];
};

/** The calendar of a place; {@link placeCalendar} itself, or one with default hours from {@link placeCalendars}. */
export type PlaceCalendars = (place: CalendarPlace) => BusinessCalendar;

// Places come from stored sites, depots and orders, and from public queries naming a country and
// subdivision: the bound keeps a stream of distinct places from growing the process without limit.
const MAX_CACHED_PLACES = 10_000;
const cache = new Map<string, BusinessCalendar>();

/**
 * The business calendar of a place, built once per distinct place and reused (calendars memoise
 * their days). A subdivision the holiday data does not know gives the country's calendar: a site
 * keeps its national holidays rather than having no calendar. Every service builds site, depot and
 * destination calendars here, so a case clock, a delivery date and a return deadline for one place
 * always agree.
 * @throws CalendarError `UNKNOWN_TIME_ZONE`, `UNKNOWN_COUNTRY`, `INVALID_HOURS`, `INVALID_TIME`, `INVALID_DATE`.
 */
export function placeCalendar(place: CalendarPlace): BusinessCalendar {
  const key = placeKey(place);
  let calendar = cache.get(key);
  if (!calendar) {
    calendar = buildCalendar(place);
    if (cache.size >= MAX_CACHED_PLACES) cache.delete(cache.keys().next().value as string);
    cache.set(key, calendar);
  }
  return calendar;
}

/** Place calendars whose places default to `hours` (e.g. a deployment's configured business hours). */
export function placeCalendars(defaults: { hours?: WeeklyHours } = {}): PlaceCalendars {
  if (!defaults.hours) return placeCalendar;
  const hours = defaults.hours;
  return (place) => placeCalendar({ ...place, hours: place.hours ?? hours });
}

function buildCalendar(place: CalendarPlace): BusinessCalendar {
  const subdivision = place.subdivision || undefined;
  const config = {
    id: `place ${place.countryCode}${subdivision ? `-${subdivision}` : ''} ${place.timeZone}`,
    timeZone: place.timeZone,
    country: place.countryCode,
    hours: place.hours,
    extraClosures: place.extraClosures,
  };
  try {
    return createCalendar({ ...config, subdivision });
  } catch (error) {
    if (error instanceof CalendarError && error.code === 'UNKNOWN_SUBDIVISION') return createCalendar(config);
    throw error;
  }
}

/** Everything that makes two places' calendars differ, in a fixed order (weekdays, sorted closures). */
function placeKey(place: CalendarPlace): string {
  const hours = place.hours ?? DEFAULT_BUSINESS_HOURS;
  return JSON.stringify([
    place.countryCode,
    place.subdivision || null,
    place.timeZone,
    WEEKDAYS.map((weekday) => hours[weekday] ?? []),
    [...(place.extraClosures ?? [])].sort(),
  ]);
}
