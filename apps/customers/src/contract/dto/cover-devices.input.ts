import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsUUID } from 'class-validator';
import { MAX_DEVICES_PER_REQUEST } from './create-contract.input';

@InputType()
export class CoverDevicesInput {
  @Field(() => ID)
  @IsUUID()
  contractId: string;

  @Field(() => [ID])
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_DEVICES_PER_REQUEST)
  @IsUUID('all', { each: true })
  deviceIds: string[];
}
