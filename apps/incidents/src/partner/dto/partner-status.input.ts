import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { DeprecatedEngineerField } from './deprecated-engineer-field';

@InputType()
export class PartnerStatusInput {
  @Field(() => ID)
  @IsUUID()
  requestId: string;

  @Field(() => String, { description: 'The status as the partner reported it, up to 200 characters.' })
  @IsNotBlank()
  @MaxLength(200)
  partnerStatus: string;

  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string;

  @DeprecatedEngineerField()
  engineer?: string;
}
