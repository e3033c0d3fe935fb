import type { OnsiteVisit } from '../onsite-visit/onsite-visit.entity';
import type { Technician } from '../technician/technician.entity';
import type { TechnicianAbsence } from '../technician/technician-absence.entity';

/** What a planning run reads: the plan version it builds on and the region's open work. */
export type RegionSnapshot = {
  region: string;
  version: number;
  visits: OnsiteVisit[];
  technicians: Technician[];
  absences: TechnicianAbsence[];
};

export type VisitPlacement = {
  visitId: string;
  technicianId: string;
  sequence: number;
  arrivalAt: Date;
  startAt: Date;
  endAt: Date;
  travelMinutes: number;
};

/** A run's result, committed only if the plan is still at baseVersion. */
export type PlanCommit = {
  region: string;
  baseVersion: number;
  plannedAt: Date;
  placements: VisitPlacement[];
  unassigned: { visitId: string; reason: string }[];
};
