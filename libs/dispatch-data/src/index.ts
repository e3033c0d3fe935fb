export { Technician } from './technician/technician.entity';
export { WorkingDay, WEEKDAY_NAMES, workingDayOn, workingWeek, type WeekSource, type WorkingDayHours } from './technician/working-week';
export { TechnicianAbsence, TechnicianAbsenceKind } from './technician/technician-absence.entity';
export { OnsiteVisit } from './onsite-visit/onsite-visit.entity';
export { OnsiteVisitStatus } from './onsite-visit/onsite-visit-status';
export { RegionPlan } from './region-plan/region-plan.entity';
export { PartArrival } from './part-arrival/part-arrival.entity';
export { recordPartArrival } from './part-arrival/part-arrivals';
export { RegionPlanStore, OPEN_STATUSES } from './region-plan/region-plan.store';
export type { PlanCommit, RegionSnapshot, VisitPlacement } from './region-plan/region-snapshot';
export {
  VISIT_CHANGED,
  publishVisitChanges,
  visitChangedPayload,
  type VisitChange,
  type VisitChangedPayload,
} from './events/visit-changed';
export { localDays, localInstant } from './calendar/local-days';
export { siteWindows } from './calendar/site-windows';
export { technicianShifts } from './calendar/technician-shifts';
export { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS } from './dispatch-database';
export { dispatchTravelMatrix, dispatchTravelMs, planningOrigin } from './travel/dispatch-travel';
