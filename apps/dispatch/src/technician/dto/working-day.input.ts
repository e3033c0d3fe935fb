import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A weekday the technician works: ISO weekday (1 = Monday … 7 = Sunday) and local HH:mm hours.' })
export class WorkingDayInput {
  @Field(() => Int)
  weekday: number;

  @Field(() => String)
  from: string;

  @Field(() => String)
  to: string;
}
