import Holidays from 'date-holidays';
import { CalendarError } from './errors';
import { formatEpochDay, parseIsoDate, yearOfEpochDay, type IsoDate } from './iso-date';

/** A public holiday of a calendar's country (and subdivision), for display. */
export type PublicHoliday = { readonly date: IsoDate; readonly name: string };

type HolidayEntry = { date: string; start: Date; end: Date; name: string; type: string };

const DAY_MS = 86_400_000;
// date-holidays rebuilds its rules on every construction and computes every year on demand;
// memoising both keeps a due-time computation at a few Set look-ups.
const sources = new Map<string, Holidays>();
const yearSets = new Map<string, ReadonlySet<number>>();
let countries: Record<string, string> | undefined;

/** Upper-cases and checks a country (ISO 3166-1 alpha-2) and optional subdivision code against date-holidays. */
export function resolveRegion(country: string, subdivision?: string): { country: string; subdivision?: string } {
  countries ??= new Holidays().getCountries();
  const countryCode = typeof country === 'string' ? country.trim().toUpperCase() : '';
  if (!countries[countryCode]) {
    throw new CalendarError(
      'UNKNOWN_COUNTRY',
      `unknown country code ${JSON.stringify(country)}: expected an ISO 3166-1 alpha-2 code known to date-holidays`,
    );
  }
  if (subdivision === undefined) return { country: countryCode };
  const subdivisionCode = typeof subdivision === 'string' ? subdivision.trim().toUpperCase() : '';
  // date-holidays silently falls back to the country for an unknown state: check it ourselves.
  const states = new Holidays().getStates(countryCode) ?? {};
  if (!states[subdivisionCode]) {
    throw new CalendarError('UNKNOWN_SUBDIVISION', `unknown subdivision ${JSON.stringify(subdivision)} for country ${countryCode}`);
  }
  return { country: countryCode, subdivision: subdivisionCode };
}

function publicEntries(country: string, subdivision: string | undefined, year: number): HolidayEntry[] {
  const key = `${country}/${subdivision ?? ''}`;
  let source = sources.get(key);
  if (!source) {
    source = subdivision ? new Holidays(country, subdivision) : new Holidays(country);
    sources.set(key, source);
  }
  const entries = (source.getHolidays(year) || []) as HolidayEntry[];
  return entries.filter((entry) => entry.type === 'public');
}

function daysOf(entry: HolidayEntry): number[] {
  // `date` is the local date the holiday is named for; some span several days (Eid, New Year in
  // some countries). A part-day public holiday closes the whole day: the safe reading for a due time.
  const first = parseIsoDate(entry.date.slice(0, 10), 'holiday date');
  const length = Math.max(1, Math.round((entry.end.getTime() - entry.start.getTime()) / DAY_MS));
  return Array.from({ length }, (_, index) => first + index);
}

function holidaySet(country: string, subdivision: string | undefined, year: number): ReadonlySet<number> {
  const key = `${country}/${subdivision ?? ''}/${year}`;
  let days = yearSets.get(key);
  if (!days) {
    days = new Set(publicEntries(country, subdivision, year).flatMap(daysOf));
    yearSets.set(key, days);
  }
  return days;
}

/** True when the day is a public holiday of the country (and subdivision). */
export function isPublicHoliday(country: string, subdivision: string | undefined, epochDay: number): boolean {
  const year = yearOfEpochDay(epochDay);
  // A multi-day holiday that starts late in December spills into the next year.
  return holidaySet(country, subdivision, year).has(epochDay) || holidaySet(country, subdivision, year - 1).has(epochDay);
}

/** The public holidays of a year, sorted, for display (portal calendars, planner views). */
export function listPublicHolidays(country: string, subdivision: string | undefined, year: number): PublicHoliday[] {
  return publicEntries(country, subdivision, year)
    .flatMap((entry) => daysOf(entry).map((day) => ({ date: formatEpochDay(day), name: entry.name })))
    .sort((a, b) => a.date.localeCompare(b.date));
}
