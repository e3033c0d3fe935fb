import { isBusinessDay, placeCalendar, type CalendarPlace, type Weekday } from '@polyplus/business-calendar';
import type { TimeWindow } from '@polyplus/routing';
import { localDays, localInstant } from './local-days';

const WEEKDAY_NAMES: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The site's business hours over the horizon (public holidays closed), clipped to the horizon. */
export function siteWindows(site: CalendarPlace, from: number, to: number): TimeWindow[] {
  const calendar = placeCalendar(site);
  const windows: TimeWindow[] = [];
  for (const { date, weekday } of localDays(site.timeZone, from, to)) {
    if (!isBusinessDay(calendar, date)) continue;
    for (const range of calendar.hours[WEEKDAY_NAMES[weekday - 1]] ?? []) {
      const start = Math.max(from, localInstant(date, range.from, site.timeZone));
      const end = Math.min(to, localInstant(date, range.to, site.timeZone));
      if (end > start) windows.push({ start, end });
    }
  }
  return windows;
}
