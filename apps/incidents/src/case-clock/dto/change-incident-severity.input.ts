import { Field, InputType, Int } from 'type-graphql';
import { Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { CaseVersionInput } from '../../incident/dto/case-version.input';

@InputType({ description: 'A support engineer re-assesses a case’s severity; the caller is recorded as its actor.' })
export class ChangeIncidentSeverityInput extends CaseVersionInput {
  @Field(() => Int, { description: '1 = Critical, 2 = Major, 3 = Minor; a different level than the current one.' })
  @Min(1)
  @Max(3)
  severity: number;

  @Field(() => String, { description: 'Why the severity changes; up to 500 characters.' })
  @IsNotBlank()
  @MaxLength(500)
  reason: string;
}
