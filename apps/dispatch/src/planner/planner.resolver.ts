import { Arg, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, calendarDateArg, plausibleInstantArg, STAFF } from '@polyplus/subgraph-kit';
import { OnsiteVisit } from '@polyplus/dispatch-data';
import { RegionBoard, TechnicianSchedule } from './dto/schedule.types';
import { PlannerService } from './planner.service';

@Resolver()
export class PlannerResolver {
  constructor(private readonly planner: PlannerService) {}

  @Access(STAFF)
  @Query(() => TechnicianSchedule, { description: 'A technician’s planned stops starting in [from, to).' })
  technicianSchedule(
    @Arg('technicianId', () => ID) technicianId: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ): Promise<TechnicianSchedule> {
    return this.planner.technicianSchedule(technicianId, from, to);
  }

  @Access(STAFF)
  @Query(() => RegionBoard, { description: 'A region’s board for one day (yyyy-mm-dd) in the region’s time zone.' })
  regionBoard(
    @Arg('region', () => String) region: string,
    @Arg('date', () => String, { validateFn: calendarDateArg('date') }) date: string,
  ): Promise<RegionBoard> {
    return this.planner.regionBoard(region, date);
  }

  @Access(STAFF)
  @Query(() => [OnsiteVisit], { description: 'Open visits the last run could not place, with unassignedReason.' })
  unassignedVisits(@Arg('region', () => String) region: string): Promise<OnsiteVisit[]> {
    return this.planner.unassignedVisits(region);
  }

  @Access(STAFF)
  @Mutation(() => OnsiteVisit, {
    description:
      'Puts a visit on a technician at a start and pins it there; CONFLICT (with the reason) when a hard constraint forbids it, and nothing changes.',
  })
  moveOnsiteVisit(
    @Arg('id', () => ID) id: string,
    @Arg('technicianId', () => ID) technicianId: string,
    @Arg('start', () => Date, { validateFn: plausibleInstantArg('start'), description: 'A year from 1970 to 2999.' }) start: Date,
  ): Promise<OnsiteVisit> {
    return this.planner.move(id, technicianId, start);
  }

  @Access(STAFF)
  @Mutation(() => OnsiteVisit, { description: 'Keeps the visit on its technician and start; CONFLICT when it has no slot.' })
  pinOnsiteVisit(@Arg('id', () => ID) id: string): Promise<OnsiteVisit> {
    return this.planner.pin(id);
  }

  @Access(STAFF)
  @Mutation(() => OnsiteVisit)
  unpinOnsiteVisit(@Arg('id', () => ID) id: string): Promise<OnsiteVisit> {
    return this.planner.unpin(id);
  }
}
