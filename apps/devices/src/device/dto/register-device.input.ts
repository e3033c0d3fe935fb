import { Field, InputType } from 'type-graphql';
import { Matches, MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { SERIAL_NUMBER_PATTERN, SERIAL_NUMBER_RULE } from '../serial-number';
import { IdField } from './id-field';

@InputType()
export class RegisterDeviceInput {
  @Field(() => String, { description: '6 to 32 characters: capital letters, digits and inner hyphens.' })
  @Matches(SERIAL_NUMBER_PATTERN, { message: SERIAL_NUMBER_RULE })
  serialNumber: string;

  @Field(() => String, { description: 'A model of the product catalog, e.g. Studio X50.' })
  @IsNotBlank()
  @MaxLength(100)
  productModel: string;

  @IdField()
  customerId: string;

  @IdField()
  siteId: string;
}
