import { Field, Float, ID, InputType } from 'type-graphql';
import { IsOptional, IsTimeZone, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';

@InputType()
export class CreateSiteInput {
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => String, { description: 'Up to 200 characters; unique among the customer’s sites.' })
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true, description: 'Street and number, up to 300 characters.' })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(300)
  addressLine?: string;

  @Field(() => String, { nullable: true, description: 'Up to 100 characters.' })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(100)
  city?: string;

  @Field(() => String, { nullable: true, description: 'Up to 20 characters.' })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(20)
  postalCode?: string;

  @Field(() => String)
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code such as GB' })
  countryCode: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 subdivision code without the country, e.g. ENG or TX.' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{1,3}$/, { message: 'subdivision must be an ISO 3166-2 subdivision code such as ENG or TX' })
  subdivision?: string;

  @Field(() => String, { description: 'IANA time zone of the site, e.g. Europe/London; one used in its country.' })
  @MaxLength(64)
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/London' })
  timeZone: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-90)
  @Max(90)
  latitude?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-180)
  @Max(180)
  longitude?: number;
}
