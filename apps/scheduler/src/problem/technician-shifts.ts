import type { Technician, TechnicianAbsence } from '@polyplus/dispatch-data';
import type { TimeWindow } from '@polyplus/routing';
import { localDays, localInstant } from './local-days';

/** Monday–Friday working hours over the horizon, without days an absence overlaps. */
export function technicianShifts(technician: Technician, absences: TechnicianAbsence[], from: number, to: number): TimeWindow[] {
  const own = absences.filter((absence) => absence.technicianId === technician.id);
  const shifts: TimeWindow[] = [];
  for (const { date, weekday } of localDays(technician.timeZone, from, to)) {
    if (weekday > 5) continue;
    const start = Math.max(from, localInstant(date, technician.workFrom, technician.timeZone));
    const end = Math.min(to, localInstant(date, technician.workTo, technician.timeZone));
    const absent = own.some((absence) => absence.startsAt.getTime() < end && absence.endsAt.getTime() > start);
    if (end > start && !absent) shifts.push({ start, end });
  }
  return shifts;
}
