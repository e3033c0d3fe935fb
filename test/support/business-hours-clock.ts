import { HOUR_MS, createCalendar, localDate, nextBusinessDay, startOfBusiness } from '@polyplus/business-calendar';

// The calendar of the tenants these suites create: a London site.
const LONDON = createCalendar({ country: 'GB', subdivision: 'ENG', timeZone: 'Europe/London' });

/**
 * Settings that start a stack's business clock an hour into the next business day in London
 * (running on from there), so that suites whose cases must come due at once or age in business
 * hours behave the same at any hour the tests run — at night and at weekends too.
 */
export function businessMorningClock(now = new Date()): NodeJS.ProcessEnv {
  const opening = startOfBusiness(LONDON, nextBusinessDay(LONDON, localDate(LONDON, now)));
  if (!opening) throw new Error('The London calendar has no opening on its next business day');
  const offsetMinutes = Math.ceil((opening.getTime() + HOUR_MS - now.getTime()) / 60_000);
  return { TEST_CLOCK_OFFSET_MINUTES: String(offsetMinutes) };
}
