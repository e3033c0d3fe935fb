import { Field, ID, InputType } from 'type-graphql';
import { IsBoolean, IsEmail, IsEnum, IsNotEmpty, IsUUID, MaxLength } from 'class-validator';
import { ContactRole } from '../contact-role';

@InputType()
export class AddContactInput {
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => String)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => ContactRole)
  @IsEnum(ContactRole)
  role: ContactRole;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  designated: boolean;
}
