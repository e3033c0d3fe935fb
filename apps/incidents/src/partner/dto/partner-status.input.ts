import { Field, ID, InputType } from 'type-graphql';
import { IsNotEmpty, IsOptional, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class PartnerStatusInput {
  @Field(() => ID)
  @IsUUID()
  requestId: string;

  @Field(() => String, { description: 'The status as the partner reported it.' })
  @IsNotEmpty()
  @MaxLength(200)
  partnerStatus: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string;

  @Field(() => String, {
    nullable: true,
    deprecationReason: 'The record names the verified caller; a name given here is only shown in the audit note.',
  })
  @IsOptional()
  @MaxLength(100)
  engineer?: string;
}
