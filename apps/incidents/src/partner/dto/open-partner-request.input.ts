import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';

@InputType()
export class OpenPartnerRequestInput {
  @Field(() => ID)
  @IsUUID()
  incidentId: string;

  @Field(() => String, { description: 'The partner’s incident tracking number, up to 100 characters.' })
  @IsNotBlank()
  @MaxLength(100)
  trackingNumber: string;

  @Field(() => String, {
    nullable: true,
    deprecationReason: 'The record names the verified caller; a name given here is only shown in the audit note.',
  })
  @IsOptional()
  @MaxLength(100)
  engineer?: string;
}
