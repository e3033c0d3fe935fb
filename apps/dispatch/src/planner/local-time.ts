import { DateTime } from 'luxon';

/** An instant as a planner reads it: local weekday, date and clock time in the given zone. */
export function localTime(at: Date | number, timeZone: string): string {
  const instant = typeof at === 'number' ? DateTime.fromMillis(at, { zone: timeZone }) : DateTime.fromJSDate(at, { zone: timeZone });
  return instant.toFormat('ccc d LLL HH:mm');
}

export function localClock(at: Date | number, timeZone: string): string {
  return DateTime.fromMillis(typeof at === 'number' ? at : at.getTime(), { zone: timeZone }).toFormat('HH:mm');
}
