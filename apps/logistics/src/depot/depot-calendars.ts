import { createCalendar, type BusinessCalendar } from '@polyplus/business-calendar';
import type { Depot } from './depot.entity';

// Calendars validate and precompute holidays: build each once per depot / destination.
const cache = new Map<string, BusinessCalendar>();

function cached(key: string, build: () => BusinessCalendar): BusinessCalendar {
  let calendar = cache.get(key);
  if (!calendar) {
    calendar = build();
    cache.set(key, calendar);
  }
  return calendar;
}

export function depotCalendar(depot: Depot): BusinessCalendar {
  return cached(`depot:${depot.id}:${depot.timeZone}:${depot.countryCode}:${depot.subdivision ?? ''}`, () =>
    createCalendar({ id: `depot ${depot.code}`, timeZone: depot.timeZone, country: depot.countryCode, subdivision: depot.subdivision ?? undefined }),
  );
}

export function destinationCalendar(countryCode: string, timeZone: string): BusinessCalendar {
  return cached(`site:${countryCode}:${timeZone}`, () => createCalendar({ id: `site ${countryCode} ${timeZone}`, timeZone, country: countryCode }));
}
