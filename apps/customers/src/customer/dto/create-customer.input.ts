import { Field, InputType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';

@InputType()
export class CreateCustomerInput {
  @Field(() => String, { description: 'Up to 200 characters.' })
  @IsNotBlank()
  @MaxLength(200)
  name: string;
}
