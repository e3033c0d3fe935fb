import { Field, ID, InputType } from 'type-graphql';
import { IsNotEmpty, IsUUID, Matches, MaxLength } from 'class-validator';

@InputType()
export class CreateSiteInput {
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => String)
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code such as GB' })
  countryCode: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(64)
  timeZone: string;
}
