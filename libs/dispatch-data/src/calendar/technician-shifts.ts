import type { Technician } from '../technician/technician.entity';
import type { TechnicianAbsence } from '../technician/technician-absence.entity';
import type { TimeWindow } from '@polyplus/routing';
import { localDays, localInstant } from './local-days';
import { workingWeek } from '../technician/working-week';

/** The shortest stretch of a working day worth a route: less than this after an absence is no shift. */
const MIN_SHIFT_MS = 60 * 60_000;

/**
 * The technician's working hours over the horizon, day by day from their week (the hours of each
 * weekday, in their time zone; days off have none). An absence takes its hours out of the day: a
 * training morning leaves the afternoon; what is left is one shift (the longest free stretch),
 * because the daily working-time limit applies per shift.
 */
export function technicianShifts(technician: Technician, absences: TechnicianAbsence[], from: number, to: number): TimeWindow[] {
  const own = absences.filter((absence) => absence.technicianId === technician.id);
  const week = new Map(workingWeek(technician).map((day) => [day.weekday, day]));
  const shifts: TimeWindow[] = [];
  for (const { date, weekday } of localDays(technician.timeZone, from, to)) {
    const hours = week.get(weekday);
    if (!hours) continue;
    const start = Math.max(from, localInstant(date, hours.from, technician.timeZone));
    const end = Math.min(to, localInstant(date, hours.to, technician.timeZone));
    if (end <= start) continue;
    const free = longestFreeStretch({ start, end }, own);
    if (free && (free.end - free.start >= MIN_SHIFT_MS || (free.start === start && free.end === end))) shifts.push(free);
  }
  return shifts;
}

function longestFreeStretch(day: TimeWindow, absences: TechnicianAbsence[]): TimeWindow | null {
  let pieces: TimeWindow[] = [day];
  for (const absence of absences) {
    const [busyFrom, busyTo] = [absence.startsAt.getTime(), absence.endsAt.getTime()];
    pieces = pieces.flatMap((piece) => {
      if (busyTo <= piece.start || busyFrom >= piece.end) return [piece];
      return [
        { start: piece.start, end: Math.min(piece.end, busyFrom) },
        { start: Math.max(piece.start, busyTo), end: piece.end },
      ].filter((part) => part.end > part.start);
    });
  }
  return pieces.reduce<TimeWindow | null>((best, piece) => (!best || piece.end - piece.start > best.end - best.start ? piece : best), null);
}
