// Shared fixtures for this library's specs only (not exported from the index).
import { DateTime } from 'luxon';
import { ROUND_THE_CLOCK_HOURS } from './business-hours';
import { createCalendar } from './calendar';

/** An instant from a local wall-clock time, e.g. `local('2024-03-08T17:00', 'America/New_York')`. */
export function local(wallClock: string, timeZone: string): Date {
  const time = DateTime.fromISO(wallClock, { zone: timeZone });
  if (!time.isValid) throw new Error(`bad fixture time ${wallClock}`);
  return time.toJSDate();
}

/** The wall-clock time of an instant in a zone, `yyyy-MM-dd HH:mm` (weekday-free, easy to read in failures). */
export function wall(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm');
}

export const NEW_YORK = createCalendar({ id: 'site:new-york', timeZone: 'America/New_York', country: 'US' });
export const LONDON = createCalendar({ id: 'site:london', timeZone: 'Europe/London', country: 'GB', subdivision: 'ENG' });
export const MUNICH = createCalendar({ id: 'site:munich', timeZone: 'Europe/Berlin', country: 'DE', subdivision: 'BY' });
export const BERLIN = createCalendar({ id: 'site:berlin', timeZone: 'Europe/Berlin', country: 'DE', subdivision: 'BE' });
export const TORONTO = createCalendar({ id: 'site:toronto', timeZone: 'America/Toronto', country: 'CA', subdivision: 'ON' });
export const ZURICH = createCalendar({ id: 'site:zurich', timeZone: 'Europe/Zurich', country: 'CH', subdivision: 'ZH' });
export const SYDNEY = createCalendar({ id: 'site:sydney', timeZone: 'Australia/Sydney', country: 'AU', subdivision: 'NSW' });

export const MEMPHIS_DEPOT = createCalendar({ id: 'depot:memphis', timeZone: 'America/Chicago', country: 'US' });
export const AMSTERDAM_DEPOT = createCalendar({ id: 'depot:amsterdam', timeZone: 'Europe/Amsterdam', country: 'NL' });

const SPLIT_SHIFT = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:30' },
];
/** A site with a lunch break and a short Friday. */
export const SPLIT_SHIFT_PARIS = createCalendar({
  id: 'site:paris',
  timeZone: 'Europe/Paris',
  country: 'FR',
  hours: {
    monday: SPLIT_SHIFT,
    tuesday: SPLIT_SHIFT,
    wednesday: SPLIT_SHIFT,
    thursday: SPLIT_SHIFT,
    friday: [{ from: '08:00', to: '12:00' }],
  },
});

/** Round-the-clock every day: shows DST nights in business time. Holidays still close it. */
export const ROUND_THE_CLOCK_BERLIN = createCalendar({
  id: 'noc:berlin',
  timeZone: 'Europe/Berlin',
  country: 'DE',
  hours: ROUND_THE_CLOCK_HOURS,
});
