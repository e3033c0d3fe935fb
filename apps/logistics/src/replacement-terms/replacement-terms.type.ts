import { Field, Int, ObjectType } from 'type-graphql';
import { Depot } from '../depot/depot.entity';

@ObjectType('ReplacementClosure', {
  description: 'A day a depot does not ship or a destination does not take deliveries: a public holiday or a closure.',
})
export class ReplacementClosure {
  @Field(() => String, { description: 'yyyy-mm-dd, local date.' })
  date: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'PUBLIC_HOLIDAY or CLOSURE.' })
  kind: string;
}

@ObjectType('ReplacementExample', {
  description: 'What an advance replacement ordered at `orderedAt` gets: the dates a real order placed at that instant is given.',
})
export class ReplacementExample {
  @Field(() => Date)
  orderedAt: Date;

  @Field(() => Boolean, { description: 'The order reaches the depot before its cut-off on a depot business day and ships the same day.' })
  shipsSameDay: boolean;

  @Field(() => String, { description: 'Depot local date the part ships, yyyy-mm-dd.' })
  shipDate: string;

  @Field(() => String, { description: 'Destination local date the part is expected, yyyy-mm-dd.' })
  deliveryDate: string;

  @Field(() => Date, { description: 'Expected arrival: start of business on the delivery date in `timeZone`.' })
  expectedDeliveryAt: Date;

  @Field(() => String, { description: 'The destination time zone `expectedDeliveryAt` is reckoned in.' })
  timeZone: string;
}

@ObjectType('ReplacementDepotTerms', {
  description: 'A depot serving a destination country: its same-day cut-off and what an order shipped from it gets.',
})
export class ReplacementDepotTerms {
  @Field(() => Int, { description: '1 ships whenever it has the part; the next is tried when it has not.' })
  priority: number;

  @Field(() => Depot)
  depot: Depot;

  @Field(() => String, { description: 'Same-day processing cut-off, HH:mm in the depot’s local time.' })
  cutoffLocalTime: string;

  @Field(() => String, { description: 'The depot’s IANA time zone, in which the cut-off applies.' })
  timeZone: string;

  @Field(() => String, { description: 'The cut-off in words, e.g. "15:00 Europe/London time, Mon–Fri except depot holidays".' })
  cutoffDescription: string;

  @Field(() => [ReplacementClosure], { description: 'The depot’s next days without shipping (public holidays, closures).' })
  upcomingClosures: ReplacementClosure[];

  @Field(() => ReplacementExample, { description: 'What an order placed at the terms’ instant gets from this depot.' })
  example: ReplacementExample;
}

@ObjectType('ReplacementTerms', {
  description:
    'The published advance-replacement timeframe and shipping terms of a destination country, computed from the depots, shipping terms and business calendars that plan every real order.',
})
export class ReplacementTerms {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  countryCode: string;

  @Field(() => String)
  countryName: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The subdivision whose regional holidays the dates and closures include (as asked); null when only the country’s count (none asked, or one the holiday data does not know).',
  })
  subdivision: string | null;

  @Field(() => [ReplacementDepotTerms], {
    description: 'Depots serving the country, in the order an order tries them (the first with the part in stock ships it).',
  })
  depots: ReplacementDepotTerms[];

  @Field(() => Int, { description: 'Business days from shipping to delivery: 1 (next business day) plus the customs delay.' })
  deliveryBusinessDays: number;

  @Field(() => Int, { description: 'Business days customs usually add in this country.' })
  customsDelayBusinessDays: number;

  @Field(() => Boolean, { description: 'The customer must act as importer of record.' })
  customerIsImporterOfRecord: boolean;

  @Field(() => [String], { description: 'Location-specific exceptions and terms in plain words.' })
  notes: string[];

  @Field(() => [ReplacementClosure], { description: 'The destination’s next public holidays (no deliveries).' })
  upcomingDestinationClosures: ReplacementClosure[];

  @Field(() => ReplacementExample, {
    description: 'If ordered at the terms’ instant (default now), from the first depot: the dates a real order gets.',
  })
  example: ReplacementExample;
}
