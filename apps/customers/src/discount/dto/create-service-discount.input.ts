import { Field, Float, InputType } from 'type-graphql';
import { IsNotEmpty, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { ISO_DATE_PATTERN } from '../../shared/iso-date';

@InputType()
export class CreateServiceDiscountInput {
  @Field(() => String)
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'serviceCode must be 2-32 capital letters, digits or hyphens' })
  serviceCode: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  serviceName: string;

  @Field(() => Float)
  @Min(0.01)
  @Max(100)
  percentOff: number;

  @Field(() => String)
  @Matches(ISO_DATE_PATTERN, { message: 'validFrom must be a date yyyy-mm-dd' })
  validFrom: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: 'validUntil must be a date yyyy-mm-dd' })
  validUntil?: string;
}
