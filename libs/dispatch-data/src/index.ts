export { Technician } from './technician/technician.entity';
export { OnsiteVisit } from './onsite-visit/onsite-visit.entity';
export { OnsiteVisitStatus } from './onsite-visit/onsite-visit-status';
export { RegionPlan } from './region-plan/region-plan.entity';
export { RegionPlanStore } from './region-plan/region-plan.store';
export { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS } from './dispatch-database';
