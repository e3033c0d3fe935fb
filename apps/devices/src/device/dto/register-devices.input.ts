import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsUUID } from 'class-validator';

export const MAX_DEVICES_PER_BATCH = 5_000;

@InputType({ description: 'One row of a bulk registration; rows are checked together and reported by index.' })
export class DeviceRowInput {
  @Field(() => String)
  serialNumber: string;

  @Field(() => String)
  productModel: string;
}

@InputType()
export class RegisterDevicesInput {
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => ID)
  @IsUUID()
  siteId: string;

  @Field(() => [DeviceRowInput], { description: `Up to ${MAX_DEVICES_PER_BATCH} rows, all registered or none.` })
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_DEVICES_PER_BATCH)
  devices: DeviceRowInput[];
}
