import { Field, ID, InputType, Int } from 'type-graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsISO4217CurrencyCode,
  IsOptional,
  IsTimeZone,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsDecimalString, IsNotBlank } from '@polyplus/subgraph-kit';

const PART_NUMBER = /^[A-Z0-9][A-Z0-9.-]{1,62}[A-Z0-9]$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const COUNTRY = /^[A-Z]{2}$/;

/** price_book_entry.listPrice is DECIMAL(12, 2). */
const LIST_PRICE_COLUMN = { precision: 12, scale: 2 };
export const MAX_PRICES_PER_BOOK = 5_000;
/** ISO 3166-1 has 249 countries. */
const MAX_SERVED_COUNTRIES = 249;
export const MAX_STOCK_QUANTITY = 1_000_000;
export const MAX_CUSTOMS_DELAY_BUSINESS_DAYS = 30;
/** shipping_terms.notes is VARCHAR(500). */
export const MAX_SHIPPING_NOTES_LENGTH = 500;

@InputType()
export class CreatePartInput {
  @Field(() => String)
  @Matches(PART_NUMBER, { message: 'partNumber must be 3-64 capital letters, digits, dots or hyphens' })
  partNumber: string;

  @Field(() => String, { description: 'Up to 200 characters.' })
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => String, { description: 'Up to 100 characters.' })
  @IsNotBlank()
  @MaxLength(100)
  productModel: string;
}

@InputType()
export class PriceInput {
  @Field(() => String)
  @Matches(PART_NUMBER, { message: 'partNumber must be 3-64 capital letters, digits, dots or hyphens' })
  partNumber: string;

  @Field(() => String, { description: 'Decimal list price, e.g. "249.00": at most 10 digits before the point and 2 after it.' })
  @IsDecimalString(LIST_PRICE_COLUMN)
  listPrice: string;
}

@InputType()
export class CreatePriceBookInput {
  @Field(() => String, { description: 'Up to 100 characters.' })
  @IsNotBlank()
  @MaxLength(100)
  name: string;

  @Field(() => String)
  @IsISO4217CurrencyCode()
  currency: string;

  @Field(() => String, { description: 'First day in force, yyyy-mm-dd.' })
  @IsCalendarDate()
  validFrom: string;

  @Field(() => String, { nullable: true, description: 'Last day in force, yyyy-mm-dd; open-ended when omitted.' })
  @IsOptional()
  @IsCalendarDate()
  validTo?: string;

  @Field(() => [PriceInput], { description: `Up to ${MAX_PRICES_PER_BOOK} prices.` })
  @ArrayMaxSize(MAX_PRICES_PER_BOOK)
  @ValidateNested()
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

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 subdivision code without the country, e.g. ENG or HE.' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{1,3}$/, { message: 'subdivision must be an ISO 3166-2 subdivision code such as ENG or HE' })
  subdivision?: string;

  @Field(() => String, { description: 'IANA time zone of the depot, e.g. Europe/London.' })
  @MaxLength(64)
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/London' })
  timeZone: string;

  @Field(() => String, { defaultValue: '15:00' })
  @Matches(CLOCK, { message: 'cutoff must be HH:mm' })
  cutoff: string;

  @Field(() => [String], { description: 'Destination countries served, in this depot’s priority order for each; each country once.' })
  @ArrayMaxSize(MAX_SERVED_COUNTRIES)
  @ArrayUnique({ message: 'servesCountries must name each country once' })
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

  @Field(() => Int, { description: `Units on the depot’s shelf, 0 to ${MAX_STOCK_QUANTITY.toLocaleString('en')}.` })
  @Min(0, { message: 'quantity must not be negative' })
  @Max(MAX_STOCK_QUANTITY)
  quantity: number;
}

@InputType()
export class SetShippingTermsInput {
  @Field(() => String)
  @Matches(COUNTRY, { message: 'countryCode must be an ISO 3166-1 alpha-2 code' })
  countryCode: string;

  @Field(() => Int, { description: `Business days customs add to a delivery into the country, 0 to ${MAX_CUSTOMS_DELAY_BUSINESS_DAYS}.` })
  @Min(0, { message: 'customsDelayBusinessDays must not be negative' })
  @Max(MAX_CUSTOMS_DELAY_BUSINESS_DAYS)
  customsDelayBusinessDays: number;

  @Field(() => Boolean)
  @IsBoolean()
  customerIsImporterOfRecord: boolean;

  @Field(() => String, {
    nullable: true,
    description: `Location-specific exceptions published with the terms, up to ${MAX_SHIPPING_NOTES_LENGTH} characters; omitted keeps the current notes, null clears them.`,
  })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(MAX_SHIPPING_NOTES_LENGTH)
  notes?: string | null;
}
