export { Technician } from './technician/technician.entity';
export { TechnicianAbsence } from './technician/technician-absence.entity';
export { OnsiteVisit } from './onsite-visit/onsite-visit.entity';
export { OnsiteVisitStatus } from './onsite-visit/onsite-visit-status';
export { RegionPlan } from './region-plan/region-plan.entity';
export { RegionPlanStore, OPEN_STATUSES } from './region-plan/region-plan.store';
export type { PlanCommit, RegionSnapshot, VisitPlacement } from './region-plan/region-snapshot';
export { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS } from './dispatch-database';
