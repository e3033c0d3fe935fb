import { DateTime } from 'luxon';
import { WEEKDAY_NAMES, workingDayOn, type Technician } from '@polyplus/dispatch-data';

/**
 * The technician's hours on the local day of an instant, as a planner reads them:
 * "on Friday (08:00–13:00 Europe/London)" or "on Saturday (a day off, Europe/London)".
 */
export function hoursOnDay(technician: Technician, at: number): string {
  const weekday = DateTime.fromMillis(at, { zone: technician.timeZone }).weekday;
  const day = workingDayOn(technician, weekday);
  const name = WEEKDAY_NAMES[weekday - 1];
  return day ? `on ${name} (${day.from}–${day.to} ${technician.timeZone})` : `on ${name} (a day off, ${technician.timeZone})`;
}
