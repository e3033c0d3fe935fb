import { Field, ID, InputType, Int } from 'type-graphql';
import { IsUUID, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';

@InputType({
  description: 'Support staff mark a case as waiting on the customer, or the wait as over; the caller is recorded as its actor.',
})
export class CustomerWaitInput {
  @Field(() => ID)
  @IsUUID()
  incidentId: string;

  @Field(() => Int, { description: 'The case version the change is based on; a newer version answers CONFLICT.' })
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { description: 'Why (what the customer was asked for, or what they answered); up to 500 characters.' })
  @IsNotBlank()
  @MaxLength(500)
  reason: string;
}
