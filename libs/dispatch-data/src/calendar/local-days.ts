import { DateTime } from 'luxon';

/** The local dates (yyyy-mm-dd) a horizon touches in a time zone, with their weekday (1 = Monday). */
export function localDays(timeZone: string, from: number, to: number): { date: string; weekday: number }[] {
  const days: { date: string; weekday: number }[] = [];
  let day = DateTime.fromMillis(from, { zone: timeZone }).startOf('day');
  while (day.toMillis() < to) {
    days.push({ date: day.toISODate() as string, weekday: day.weekday });
    day = day.plus({ days: 1 });
  }
  return days;
}

/** Epoch ms of a local clock time (HH:mm) on a local date. */
export function localInstant(date: string, clock: string, timeZone: string): number {
  return DateTime.fromISO(`${date}T${clock}`, { zone: timeZone }).toMillis();
}
