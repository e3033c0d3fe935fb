import { Field, ID, InputType } from 'type-graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '@polyplus/subgraph-kit';
import { CloudPartner } from '../cloud-partner';
import { DeprecatedEngineerField } from './deprecated-engineer-field';

@InputType()
export class VerifyPartnerEntitlementInput {
  @Field(() => ID)
  @IsUUID()
  incidentId: string;

  @Field(() => CloudPartner)
  @IsEnum(CloudPartner)
  partner: CloudPartner;

  @Field(() => Boolean, { description: 'What the partner confirmed.' })
  @IsBoolean()
  entitled: boolean;

  @Field(() => String, { nullable: true, description: 'End of the customer’s term with the partner, yyyy-mm-dd.' })
  @IsOptional()
  @IsCalendarDate()
  termEndsOn?: string;

  @Field(() => String, { nullable: true, description: 'The partner’s reference for the check, up to 100 characters.' })
  @IsOptional()
  @MaxLength(100)
  reference?: string;

  @DeprecatedEngineerField()
  engineer?: string;
}
