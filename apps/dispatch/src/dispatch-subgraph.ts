import { In } from 'typeorm';
import { queuePrefix } from '@polyplus/events';
import {
  buildFederatedSchema,
  byIds,
  createSubgraphClient,
  defineSubgraph,
  releasePart,
  subgraphUrl,
  type SubgraphClient,
  type SubgraphDefinition,
} from '@polyplus/subgraph-kit';
import { OnsiteVisit, RegionPlanStore, Technician } from '@polyplus/dispatch-data';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS } from './dispatch-database';
import { TechnicianResolver } from './technician/technician.resolver';
import { TechnicianService } from './technician/technician.service';
import { IncidentOnsiteVisitsResolver, IncidentReference, OnsiteVisitResolver } from './onsite-visit/onsite-visit.resolver';
import { OnsiteVisitService } from './onsite-visit/onsite-visit.service';
import { OptimisationTrigger } from './onsite-visit/optimisation-trigger';
import { PlannerResolver } from './planner/planner.resolver';
import { PlannerService } from './planner/planner.service';
import { TechnicianAbsenceResolver } from './absence/technician-absence.resolver';
import { TechnicianAbsenceService } from './absence/technician-absence.service';
import { CaseDirectory } from './intake/case-directory';
import { RegionDirectory } from './intake/region-directory';
import { VisitIntakeService } from './intake/visit-intake.service';
import { dispatchBackground } from './runtime/dispatch-runtime';
import { DispatchPersonalData, DispatchPersonalDataResolver } from './privacy/dispatch-personal-data';

export type DispatchSubgraphOptions = {
  /** The incidents, devices and customers subgraphs; default: over HTTP at their configured URLs. */
  incidents?: SubgraphClient;
  devices?: SubgraphClient;
  customers?: SubgraphClient;
  queuePrefix?: string;
  outboxPollMs?: number;
};

/** The dispatch subgraph; its background work (event intake, outbox relay) runs only with the server. */
export function createDispatchSubgraph(options: DispatchSubgraphOptions = {}): SubgraphDefinition {
  return defineSubgraph({
    name: 'dispatch',
    database: { entities: DISPATCH_ENTITIES, migrations: DISPATCH_MIGRATIONS },
    async build(dataSource) {
      const prefix = options.queuePrefix ?? queuePrefix();
      const incidents = options.incidents ?? createSubgraphClient('incidents', subgraphUrl('incidents'));
      const devices = options.devices ?? createSubgraphClient('devices', subgraphUrl('devices'));
      const customers = options.customers ?? createSubgraphClient('customers', subgraphUrl('customers'));
      const optimisation = new OptimisationTrigger(prefix);
      const visits = new OnsiteVisitService(dataSource, incidents, optimisation, customers);
      const planner = new PlannerService(dataSource, optimisation);
      const intake = new VisitIntakeService(
        dataSource,
        new CaseDirectory(incidents, devices, customers),
        new RegionDirectory(dataSource),
        optimisation,
      );
      const federated = await buildFederatedSchema({
        // A customer sees the visits of its own cases; technicians and plans are vendor planning data.
        ownership: { OnsiteVisit: (visit: OnsiteVisit) => visit.customerId, Technician: () => null },
        resolvers: [
          TechnicianResolver,
          TechnicianAbsenceResolver,
          OnsiteVisitResolver,
          IncidentOnsiteVisitsResolver,
          PlannerResolver,
          DispatchPersonalDataResolver,
        ],
        instances: [
          new TechnicianResolver(new TechnicianService(dataSource, optimisation)),
          new TechnicianAbsenceResolver(new TechnicianAbsenceService(dataSource, optimisation)),
          new OnsiteVisitResolver(visits, new RegionPlanStore(dataSource), dataSource, planner),
          new IncidentOnsiteVisitsResolver(visits),
          new PlannerResolver(planner),
          new DispatchPersonalDataResolver(new DispatchPersonalData(dataSource)),
        ],
        references: {
          OnsiteVisit: byIds((ids) => visits.findByIds(ids)),
          Technician: byIds((ids) => dataSource.getRepository(Technician).findBy({ id: In(ids) })),
          Incident: (reference) => new IncidentReference(reference.id),
        },
      });
      return {
        ...federated,
        background: [
          // The resolvers open its queue on the first request: released even when nothing was started.
          releasePart('optimisation trigger', () => optimisation.close()),
          ...dispatchBackground({ dataSource, intake, prefix, pollMs: options.outboxPollMs }),
        ],
      };
    },
  });
}

export const dispatchSubgraph: SubgraphDefinition = createDispatchSubgraph();
