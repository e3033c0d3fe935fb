import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IdField } from './id-field';

export const MAX_DEVICES_PER_BATCH = 5_000;
/** Longest line of an imported serial list: a serial, a model and their separator, with room for stray spaces. */
export const MAX_SERIAL_LIST_LINE = 200;

@InputType({ description: 'One row of a bulk registration; rows are checked together and reported by index.' })
export class DeviceRowInput {
  // Generous bounds: a row within them is checked with the others and reported by index.
  @Field(() => String, { description: 'Up to 64 characters as typed; surrounding spaces and lower case are normalised.' })
  @IsString()
  @MaxLength(64)
  serialNumber: string;

  @Field(() => String, { description: 'Up to 100 characters.' })
  @IsString()
  @MaxLength(100)
  productModel: string;
}

@InputType()
export class RegisterDevicesInput {
  @IdField()
  customerId: string;

  @IdField()
  siteId: string;

  @Field(() => [DeviceRowInput], { description: `Up to ${MAX_DEVICES_PER_BATCH} rows, all registered or none.` })
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_DEVICES_PER_BATCH)
  @ValidateNested()
  devices: DeviceRowInput[];
}
