import { Field, ID, InputType, Int } from 'type-graphql';
import { IsISO4217CurrencyCode, IsNotEmpty, IsOptional, IsUUID, Matches, MaxLength, Min } from 'class-validator';

const PART_NUMBER = /^[A-Z0-9][A-Z0-9.-]{1,62}[A-Z0-9]$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const COUNTRY = /^[A-Z]{2}$/;

@InputType()
export class CreatePartInput {
  @Field(() => String)
  @Matches(PART_NUMBER, { message: 'partNumber must be 3-64 capital letters, digits, dots or hyphens' })
  partNumber: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(100)
  productModel: string;
}

@InputType()
export class PriceInput {
  @Field(() => String)
  @Matches(PART_NUMBER, { message: 'partNumber must be 3-64 capital letters, digits, dots or hyphens' })
  partNumber: string;

  @Field(() => String, { description: 'Decimal list price, e.g. "249.00".' })
  @Matches(/^\d{1,10}(\.\d{1,2})?$/, { message: 'listPrice must be a non-negative decimal with at most 2 decimals' })
  listPrice: string;
}

@InputType()
export class CreatePriceBookInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @Field(() => String)
  @IsISO4217CurrencyCode()
  currency: string;

  @Field(() => String)
  @Matches(ISO_DATE, { message: 'validFrom must be a date yyyy-mm-dd' })
  validFrom: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'validTo must be a date yyyy-mm-dd' })
  validTo?: string;

  @Field(() => [PriceInput])
  prices: PriceInput[];
}

@InputType()
export class CreateDepotInput {
  @Field(() => String)
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'code must be 2-32 capital letters, digits or hyphens' })
  code: string;

  @Field(() => String)
  @Matches(COUNTRY, { message: 'countryCode must be an ISO 3166-1 alpha-2 code' })
  countryCode: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10)
  subdivision?: string;

  @Field(() => String)
  @IsNotEmpty()
  timeZone: string;

  @Field(() => String, { defaultValue: '15:00' })
  @Matches(CLOCK, { message: 'cutoff must be HH:mm' })
  cutoff: string;

  @Field(() => [String], { description: 'Destination countries served, in this depot’s priority order for each.' })
  @Matches(COUNTRY, { each: true, message: 'servesCountries must be ISO 3166-1 alpha-2 codes' })
  servesCountries: string[];
}

@InputType()
export class SetStockInput {
  @Field(() => ID)
  @IsUUID()
  depotId: string;

  @Field(() => String)
  @Matches(PART_NUMBER, { message: 'partNumber must be 3-64 capital letters, digits, dots or hyphens' })
  partNumber: string;

  @Field(() => Int)
  @Min(0, { message: 'quantity must not be negative' })
  quantity: number;
}

@InputType()
export class SetShippingTermsInput {
  @Field(() => String)
  @Matches(COUNTRY, { message: 'countryCode must be an ISO 3166-1 alpha-2 code' })
  countryCode: string;

  @Field(() => Int)
  @Min(0, { message: 'customsDelayBusinessDays must not be negative' })
  customsDelayBusinessDays: number;

  @Field(() => Boolean)
  customerIsImporterOfRecord: boolean;
}
