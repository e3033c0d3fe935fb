import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum ClosureKind {
  PUBLIC_HOLIDAY = 'PUBLIC_HOLIDAY',
  CLOSURE = 'CLOSURE',
}

registerEnumType(ClosureKind, { name: 'ClosureKind' });

@ObjectType('OpeningInterval')
export class OpeningInterval {
  @Field(() => String, { description: 'Local time hh:mm.' })
  from: string;

  @Field(() => String, { description: 'Local time hh:mm (24:00 is midnight at the end of the day).' })
  to: string;
}

@ObjectType('WeekdayHours')
export class WeekdayHours {
  @Field(() => String, { description: 'monday … sunday.' })
  weekday: string;

  @Field(() => [OpeningInterval], { description: 'Empty on a closed day.' })
  hours: OpeningInterval[];
}

@ObjectType('UpcomingClosure')
export class UpcomingClosure {
  @Field(() => String, { description: 'Local date yyyy-mm-dd.' })
  date: string;

  @Field(() => String)
  name: string;

  @Field(() => ClosureKind)
  kind: ClosureKind;
}

@ObjectType('CaseCalendar', { description: 'The business calendar a case’s clocks run on (its site’s): why a due time is what it is.' })
export class CaseCalendar {
  @Field(() => String, { description: 'IANA time zone of the site.' })
  timeZone: string;

  @Field(() => String, { description: 'ISO 3166-1 country whose public holidays close it.' })
  country: string;

  @Field(() => String, { nullable: true })
  subdivision: string | null;

  @Field(() => String, { description: 'The week in one line, e.g. `Mon–Fri 08:00–17:30`.' })
  hoursSummary: string;

  @Field(() => [WeekdayHours], { description: 'Monday first, all seven days.' })
  weeklyHours: WeekdayHours[];

  @Field(() => [UpcomingClosure], { description: 'The next public holidays and closures from today (site-local).' })
  upcomingClosures: UpcomingClosure[];
}
