import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { entityReference, Access, CUSTOMER_USERS, STAFF } from '@polyplus/subgraph-kit';
import { OnsiteVisit, RegionPlan, RegionPlanStore, Technician } from '@polyplus/dispatch-data';
import { OnsiteVisitService } from './onsite-visit.service';
import { RequestOnsiteVisitInput } from './dto/request-onsite-visit.input';
import type { PlannerService } from '../planner/planner.service';
import { VisitPlacementExplanation } from '../planner/dto/visit-placement.type';

export const IncidentReference = entityReference('Incident', { resolvable: true });
export const SiteReference = entityReference('Site', { resolvable: false });

@Resolver(() => OnsiteVisit)
export class OnsiteVisitResolver {
  constructor(
    private readonly visits: OnsiteVisitService,
    private readonly plans: RegionPlanStore,
    private readonly dataSource: DataSource,
    private readonly planner: PlannerService,
  ) {}

  @Access(STAFF, CUSTOMER_USERS)
  @Query(() => OnsiteVisit, { nullable: true })
  onsiteVisit(@Arg('id', () => ID) id: string): Promise<OnsiteVisit | null> {
    return this.visits.findById(id);
  }

  @Access(STAFF)
  @Query(() => RegionPlan, { nullable: true, description: 'The latest committed plan of a dispatch region.' })
  regionPlan(@Arg('region', () => String) region: string): Promise<RegionPlan | null> {
    return this.plans.findPlan(region);
  }

  @Access(STAFF)
  @Mutation(() => OnsiteVisit, {
    description:
      'A visit requested by staff for a case (visits for replacement orders on onsite contracts are created automatically); CONFLICT when the case already has an open visit.',
  })
  requestOnsiteVisit(@Arg('input', () => RequestOnsiteVisitInput) input: RequestOnsiteVisitInput): Promise<OnsiteVisit> {
    return this.visits.request(input);
  }

  @FieldResolver(() => VisitPlacementExplanation, {
    nullable: true,
    description: 'Why the visit is planned where it is; null while unplanned.',
  })
  placement(@Root() visit: OnsiteVisit): Promise<VisitPlacementExplanation | null> {
    return this.planner.placement(visit);
  }

  @FieldResolver(() => IncidentReference)
  incident(@Root() visit: OnsiteVisit) {
    return new IncidentReference(visit.incidentId);
  }

  @FieldResolver(() => SiteReference)
  site(@Root() visit: OnsiteVisit) {
    return new SiteReference(visit.siteId);
  }

  @FieldResolver(() => Technician, { nullable: true })
  technician(@Root() visit: OnsiteVisit): Promise<Technician | null> {
    return visit.technicianId ? this.dataSource.getRepository(Technician).findOneBy({ id: visit.technicianId }) : Promise.resolve(null);
  }
}

/** Contributes `Incident.onsiteVisits` to the support case the incidents subgraph owns. */
@Resolver(() => IncidentReference)
export class IncidentOnsiteVisitsResolver {
  constructor(private readonly visits: OnsiteVisitService) {}

  @FieldResolver(() => [OnsiteVisit])
  onsiteVisits(@Root() incident: InstanceType<typeof IncidentReference>): Promise<OnsiteVisit[]> {
    return this.visits.listForIncident(incident.id);
  }
}
