import { Field, Float, ID, InputType } from 'type-graphql';
import { IsNotEmpty, IsOptional, IsTimeZone, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

@InputType()
export class CreateSiteInput {
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  addressLine?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(100)
  city?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  postalCode?: string;

  @Field(() => String)
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code such as GB' })
  countryCode: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 subdivision code without the country, e.g. ENG or TX.' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{1,3}$/, { message: 'subdivision must be an ISO 3166-2 subdivision code such as ENG or TX' })
  subdivision?: string;

  @Field(() => String)
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
