import { Field, ID, InputType } from 'type-graphql';
import { IsBoolean, IsEmail, IsEnum, IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { ContactRole } from '../contact-role';

@InputType()
export class AddContactInput {
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => String, { description: 'Up to 254 characters.' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Field(() => String, { description: 'Up to 200 characters.' })
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => ContactRole)
  @IsEnum(ContactRole)
  role: ContactRole;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  designated: boolean;
}
