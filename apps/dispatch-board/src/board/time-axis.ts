// Positions on the board's time axis: minutes since local midnight of the board's day in the
// region's time zone (DST days have 23 or 25 hours, so minutes, not wall-clock hours, are the unit).
import { DateTime } from 'luxon';

export type AxisRange = { fromMinute: number; toMinute: number };

const DEFAULT_RANGE: AxisRange = { fromMinute: 7 * 60, toMinute: 19 * 60 };

function dayStart(date: string, zone: string): DateTime {
  return DateTime.fromISO(date, { zone }).startOf('day');
}

/** Minutes from the local midnight that starts `date` in `zone` to the instant `iso`. */
export function minuteOfDay(iso: string, date: string, zone: string): number {
  return DateTime.fromISO(iso, { zone: 'utc' }).diff(dayStart(date, zone), 'minutes').minutes;
}

/** The UTC instant (ISO) `minute` minutes after local midnight of `date` in `zone`. */
export function instantAt(date: string, zone: string, minute: number): string {
  return dayStart(date, zone).plus({ minutes: minute }).toUTC().toISO({ suppressMilliseconds: true }) as string;
}

// Times on the board are written like on every page of the product (@polyplus/web-ui).
export { localDate, localTime } from '@polyplus/web-ui';

/** Minute of the local day for a wall time "HH:mm" on `date` in `zone` (what the move form types). */
export function minuteOfWallTime(date: string, zone: string, time: string): number {
  const [hour, minute] = time.split(':').map(Number);
  const wall = DateTime.fromObject({ ...DateTime.fromISO(date).toObject(), hour, minute }, { zone });
  return wall.diff(dayStart(date, zone), 'minutes').minutes;
}

/** The local day before or after `date`. */
export function shiftDate(date: string, days: number): string {
  return DateTime.fromISO(date).plus({ days }).toISODate() as string;
}

/** 07:00-19:00, widened to whole hours around anything that happens outside it (within the day). */
export function axisRange(minutes: number[]): AxisRange {
  let { fromMinute, toMinute } = DEFAULT_RANGE;
  for (const minute of minutes) {
    const clamped = Math.min(Math.max(minute, 0), 24 * 60);
    fromMinute = Math.min(fromMinute, Math.floor(clamped / 60) * 60);
    toMinute = Math.max(toMinute, Math.ceil(clamped / 60) * 60);
  }
  return { fromMinute, toMinute };
}

/** Horizontal position of a minute on the axis, in percent (clamped to the visible range). */
export function percentAt(minute: number, range: AxisRange): number {
  const span = range.toMinute - range.fromMinute;
  return ((Math.min(Math.max(minute, range.fromMinute), range.toMinute) - range.fromMinute) / span) * 100;
}

/** The minute under a pointer `offsetX` pixels into a row `width` pixels wide, snapped to `step`. */
export function minuteAtOffset(offsetX: number, width: number, range: AxisRange, step = 15): number {
  const raw = range.fromMinute + (Math.min(Math.max(offsetX, 0), width) / width) * (range.toMinute - range.fromMinute);
  return Math.round(raw / step) * step;
}

/** Whole hours on the axis, for the ruler. */
export function hourTicks(range: AxisRange): number[] {
  const ticks: number[] = [];
  for (let minute = Math.ceil(range.fromMinute / 60) * 60; minute <= range.toMinute; minute += 60) ticks.push(minute);
  return ticks;
}

/**
 * The technician's shift on the board's day, in board minutes, with its local hours: the hours of
 * that weekday in the technician's own zone (which may differ from the region's). Null on a day off.
 */
export function shiftOnDay(
  technician: { timeZone: string; workingHours: { weekday: number; from: string; to: string }[] },
  date: string,
  zone: string,
): { fromMinute: number; toMinute: number; from: string; to: string } | null {
  const local = DateTime.fromISO(date, { zone: technician.timeZone });
  const hours = technician.workingHours.find((day) => day.weekday === local.weekday);
  if (!hours) return null;
  const at = (time: string) => {
    const [hour, minute] = time.split(':').map(Number);
    return local.set({ hour, minute, second: 0, millisecond: 0 }).toUTC().toISO() as string;
  };
  return {
    fromMinute: minuteOfDay(at(hours.from), date, zone),
    toMinute: minuteOfDay(at(hours.to), date, zone),
    from: hours.from,
    to: hours.to,
  };
}

/** Today's date in a zone. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone(zone).toISODate() as string;
}
