import { Technician } from './technician/technician.entity';
import { TechnicianAbsence } from './technician/technician-absence.entity';
import { OnsiteVisit } from './onsite-visit/onsite-visit.entity';
import { OutboxEvent } from '@polyplus/events';
import { RegionPlan } from './region-plan/region-plan.entity';
import { PartArrival } from './part-arrival/part-arrival.entity';
import { CreateDispatch1795534973040 } from './migrations/1795534973040-create-dispatch';
import { OnsitePlanning1795539487025 } from './migrations/1795539487025-onsite-planning';
import { VisitEventsAndOwnership1795546160831 } from './migrations/1795546160831-visit-events-and-ownership';
import { TechnicianWorkingWeek1795550612467 } from './migrations/1795550612467-technician-working-week';
import { PartArrivals1796172609422 } from './migrations/1796172609422-part-arrivals';
import { OutboxTraceContext1796180081210 } from './migrations/1796180081210-outbox-trace-context';

/** The dispatch database is shared by the dispatch subgraph and the scheduler worker. */
export const DISPATCH_ENTITIES = [Technician, TechnicianAbsence, OnsiteVisit, RegionPlan, PartArrival, OutboxEvent];
export const DISPATCH_MIGRATIONS = [
  CreateDispatch1795534973040,
  OnsitePlanning1795539487025,
  VisitEventsAndOwnership1795546160831,
  TechnicianWorkingWeek1795550612467,
  PartArrivals1796172609422,
  OutboxTraceContext1796180081210,
];
