import type { DataSource } from 'typeorm';
import { buildFederatedSchema, createSubgraphClient, subgraphUrl, type SubgraphDefinition } from '@polyplus/subgraph-kit';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS, RegionPlanStore, Technician } from '@polyplus/dispatch-data';
import { TechnicianResolver } from './technician/technician.resolver';
import { IncidentOnsiteVisitsResolver, IncidentReference, OnsiteVisitResolver } from './onsite-visit/onsite-visit.resolver';
import { OnsiteVisitService } from './onsite-visit/onsite-visit.service';
import { OptimisationTrigger } from './onsite-visit/optimisation-trigger';
import { PlannerResolver } from './planner/planner.resolver';
import { PlannerService } from './planner/planner.service';

export const dispatchSubgraph: SubgraphDefinition = {
  name: 'dispatch',
  database: { entities: DISPATCH_ENTITIES, migrations: DISPATCH_MIGRATIONS },
  async build(dataSource: DataSource) {
    const optimisation = new OptimisationTrigger();
    const visits = new OnsiteVisitService(dataSource, createSubgraphClient('incidents', subgraphUrl('incidents')), optimisation, createSubgraphClient('customers', subgraphUrl('customers')));
    const federated = await buildFederatedSchema({
      // Visits and technicians are vendor planning data: not shown to customer principals until
      // visits record their customer (then a customer sees its own visits).
      ownership: { OnsiteVisit: () => null, Technician: () => null },
      resolvers: [TechnicianResolver, OnsiteVisitResolver, IncidentOnsiteVisitsResolver, PlannerResolver],
      instances: [
        new TechnicianResolver(dataSource),
        new OnsiteVisitResolver(visits, new RegionPlanStore(dataSource), dataSource),
        new IncidentOnsiteVisitsResolver(visits),
        new PlannerResolver(new PlannerService(dataSource, optimisation)),
      ],
      references: {
        OnsiteVisit: (reference) => visits.findById(reference.id),
        Technician: (reference) => dataSource.getRepository(Technician).findOneBy({ id: reference.id }),
        Incident: (reference) => new IncidentReference(reference.id),
      },
    });
    return { ...federated, close: () => optimisation.close() };
  },
};
