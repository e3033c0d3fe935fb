import { Field, InputType } from 'type-graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';

@InputType()
export class CreateCustomerInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}
