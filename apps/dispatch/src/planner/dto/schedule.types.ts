import { Field, Int, ObjectType } from 'type-graphql';
import { OnsiteVisit, Technician } from '@polyplus/dispatch-data';

@ObjectType('ScheduleStop', { description: 'One planned visit in a technician’s day, in route order.' })
export class ScheduleStop {
  @Field(() => OnsiteVisit)
  visit: OnsiteVisit;

  @Field(() => Date)
  arrival: Date;

  @Field(() => Date)
  start: Date;

  @Field(() => Date)
  end: Date;

  @Field(() => Int, { description: 'Travel minutes from the previous stop (or home).' })
  travelMinutes: number;

  @Field(() => Int, { description: 'Minutes waiting on site before the service can start.' })
  slackMinutes: number;
}

@ObjectType('TechnicianSchedule')
export class TechnicianSchedule {
  @Field(() => Technician)
  technician: Technician;

  @Field(() => [ScheduleStop])
  stops: ScheduleStop[];
}

@ObjectType('RegionBoard', { description: 'A region’s day: every technician’s stops and the visits left unplanned.' })
export class RegionBoard {
  @Field(() => String)
  region: string;

  @Field(() => String, { description: 'IANA time zone of the region: the board’s day is a local day there.' })
  timeZone: string;

  @Field(() => Int, { description: 'The plan version shown (0 before the first run).' })
  planVersion: number;

  @Field(() => [TechnicianSchedule])
  schedules: TechnicianSchedule[];

  @Field(() => [OnsiteVisit], { description: 'Open visits without a slot; see OnsiteVisit.unassignedReason.' })
  unassigned: OnsiteVisit[];
}
