import { Field, ID, InputType } from 'type-graphql';
import { IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { CarrierField, TrackingNumberField } from './tracking-fields';

@InputType()
export class ShipOrderInput {
  @Field(() => ID)
  @IsUUID()
  orderId: string;

  @CarrierField()
  carrier: string;

  @TrackingNumberField()
  trackingNumber: string;

  @Field(() => String, { description: 'Up to 64 characters.' })
  @IsNotBlank()
  @MaxLength(64)
  partSerialNumber: string;
}
