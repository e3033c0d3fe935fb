import { Field, Float, InputType } from 'type-graphql';
import { IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { HasAtMostDecimals, IsCalendarDate, IsNotBlank } from '@polyplus/subgraph-kit';

@InputType()
export class CreateServiceDiscountInput {
  @Field(() => String)
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'serviceCode must be 2-32 capital letters, digits or hyphens' })
  serviceCode: string;

  @Field(() => String, { description: 'Up to 200 characters.' })
  @IsNotBlank()
  @MaxLength(200)
  serviceName: string;

  @Field(() => Float, { description: 'Percent off, 0.01 to 100, with at most 2 decimals.' })
  @HasAtMostDecimals(2)
  @Min(0.01)
  @Max(100)
  percentOff: number;

  @Field(() => String, { description: 'First day the offer applies, yyyy-mm-dd.' })
  @IsCalendarDate()
  validFrom: string;

  @Field(() => String, { nullable: true, description: 'Last day the offer applies, yyyy-mm-dd; open-ended when omitted.' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;
}
