import { Technician } from './technician/technician.entity';
import { OnsiteVisit } from './onsite-visit/onsite-visit.entity';
import { RegionPlan } from './region-plan/region-plan.entity';
import { CreateDispatch1795534973040 } from './migrations/1795534973040-create-dispatch';

/** The dispatch database is shared by the dispatch subgraph and the scheduler worker. */
export const DISPATCH_ENTITIES = [Technician, OnsiteVisit, RegionPlan];
export const DISPATCH_MIGRATIONS = [CreateDispatch1795534973040];
