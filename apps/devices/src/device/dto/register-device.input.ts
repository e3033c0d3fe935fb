import { Field, ID, InputType } from 'type-graphql';
import { IsNotEmpty, IsUUID, Matches, MaxLength } from 'class-validator';

export const SERIAL_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9-]{4,30}[A-Z0-9]$/;

@InputType()
export class RegisterDeviceInput {
  @Field(() => String, { description: '6 to 32 characters: capital letters, digits and inner hyphens.' })
  @Matches(SERIAL_NUMBER_PATTERN, { message: 'serialNumber must be 6-32 capital letters, digits or inner hyphens' })
  serialNumber: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(100)
  productModel: string;

  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => ID)
  @IsUUID()
  siteId: string;
}
