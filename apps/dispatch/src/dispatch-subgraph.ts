import type { DataSource } from 'typeorm';
import { buildFederatedSchema, createSubgraphClient, subgraphUrl, type SubgraphDefinition } from '@polyplus/subgraph-kit';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS, RegionPlanStore, Technician } from '@polyplus/dispatch-data';
import { TechnicianResolver } from './technician/technician.resolver';
import { IncidentOnsiteVisitsResolver, IncidentReference, OnsiteVisitResolver } from './onsite-visit/onsite-visit.resolver';
import { OnsiteVisitService } from './onsite-visit/onsite-visit.service';
import { OptimisationTrigger } from './onsite-visit/optimisation-trigger';

export const dispatchSubgraph: SubgraphDefinition = {
  name: 'dispatch',
  database: { entities: DISPATCH_ENTITIES, migrations: DISPATCH_MIGRATIONS },
  async build(dataSource: DataSource) {
    const optimisation = new OptimisationTrigger();
    const visits = new OnsiteVisitService(dataSource, createSubgraphClient('incidents', subgraphUrl('incidents')), optimisation);
    const federated = await buildFederatedSchema({
      resolvers: [TechnicianResolver, OnsiteVisitResolver, IncidentOnsiteVisitsResolver],
      instances: [
        new TechnicianResolver(dataSource),
        new OnsiteVisitResolver(visits, new RegionPlanStore(dataSource), dataSource),
        new IncidentOnsiteVisitsResolver(visits),
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
