import { Field, InputType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { CaseVersionInput } from '../../incident/dto/case-version.input';

@InputType({
  description: 'Support staff mark a case as waiting on the customer, or the wait as over; the caller is recorded as its actor.',
})
export class CustomerWaitInput extends CaseVersionInput {
  @Field(() => String, { description: 'Why (what the customer was asked for, or what they answered); up to 500 characters.' })
  @IsNotBlank()
  @MaxLength(500)
  reason: string;
}
