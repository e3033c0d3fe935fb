import { createCalendar, type BusinessCalendar, type WeeklyHours } from '@polyplus/business-calendar';

export type CalendarSite = { timeZone: string; countryCode: string; subdivision: string | null };

/** Builds (and memoises) the business calendar of a customer site. */
export type CalendarResolver = (site: CalendarSite) => BusinessCalendar;

/** Site calendars with the given opening hours (default Mon–Fri 08:00–17:30) and the country's holidays. */
export function siteCalendars(hours?: WeeklyHours): CalendarResolver {
  const cache = new Map<string, BusinessCalendar>();
  return (site) => {
    const key = `${site.countryCode}|${site.subdivision ?? ''}|${site.timeZone}`;
    let calendar = cache.get(key);
    if (!calendar) {
      const config = { id: `site:${key}`, timeZone: site.timeZone, country: site.countryCode, hours };
      try {
        calendar = createCalendar({ ...config, subdivision: site.subdivision ?? undefined });
      } catch (error) {
        // A subdivision the holiday data does not know still leaves the country's holidays.
        if (!site.subdivision) throw error;
        calendar = createCalendar(config);
      }
      cache.set(key, calendar);
    }
    return calendar;
  };
}

const ALL_DAY = [{ from: '00:00', to: '24:00' }];
/** Round the clock, every day (holidays still close it): for tests and 24x7 contracts. */
export const ROUND_THE_CLOCK: WeeklyHours = {
  monday: ALL_DAY, tuesday: ALL_DAY, wednesday: ALL_DAY, thursday: ALL_DAY, friday: ALL_DAY, saturday: ALL_DAY, sunday: ALL_DAY,
};
