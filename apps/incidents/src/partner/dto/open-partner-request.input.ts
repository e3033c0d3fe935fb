import { Field, ID, InputType } from 'type-graphql';
import { IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { DeprecatedEngineerField } from './deprecated-engineer-field';

@InputType()
export class OpenPartnerRequestInput {
  @Field(() => ID)
  @IsUUID()
  incidentId: string;

  @Field(() => String, { description: 'The partner’s incident tracking number, up to 100 characters.' })
  @IsNotBlank()
  @MaxLength(100)
  trackingNumber: string;

  @DeprecatedEngineerField()
  engineer?: string;
}
