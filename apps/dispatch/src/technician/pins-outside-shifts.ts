import { In, type EntityManager } from 'typeorm';
import {
  OnsiteVisit,
  OnsiteVisitStatus,
  publishVisitChanges,
  type Technician,
  type TechnicianAbsence,
  technicianShifts,
} from '@polyplus/dispatch-data';

const DAY_MS = 86_400_000;

/**
 * A pin in hours the technician no longer works (new working hours, or `absences`) cannot be kept: the scheduler
 * plans only the shifts left. Those planned visits are unpinned, with UNPINNED published at plan `version`, so the
 * next plan places them again.
 */
export async function releasePinsOutsideShifts(
  manager: EntityManager,
  technician: Technician,
  absences: TechnicianAbsence[],
  version: number,
): Promise<void> {
  const pinned = await manager.find(OnsiteVisit, {
    where: { technicianId: technician.id, pinned: true, status: In([OnsiteVisitStatus.PLANNED]) },
    lock: { mode: 'pessimistic_write' },
  });
  const lost = pinned.filter((visit) => {
    const [start, end] = [(visit.windowStart as Date).getTime(), (visit.windowEnd as Date).getTime()];
    const working = technicianShifts(technician, absences, start - DAY_MS, end + DAY_MS);
    return !working.some((shift) => shift.start <= start && end <= shift.end);
  });
  if (lost.length === 0) return;
  await manager.update(OnsiteVisit, { id: In(lost.map((visit) => visit.id)) }, { pinned: false });
  await publishVisitChanges(
    manager,
    lost.map((visit) => ({ visit, change: 'UNPINNED' as const })),
    version,
  );
}
