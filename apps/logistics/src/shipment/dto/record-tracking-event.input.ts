import { Field, InputType } from 'type-graphql';
import { IsEnum, IsOptional, MaxLength } from 'class-validator';
import { IsPlausibleInstant } from '@polyplus/subgraph-kit';
import { ShipmentStatus } from '../shipment-status';
import { CarrierField, TrackingNumberField } from './tracking-fields';

@InputType()
export class RecordTrackingEventInput {
  @CarrierField()
  carrier: string;

  @TrackingNumberField()
  trackingNumber: string;

  @Field(() => ShipmentStatus)
  @IsEnum(ShipmentStatus)
  status: ShipmentStatus;

  @Field(() => Date, { description: 'When the carrier saw it; a year from 1970 to 2999.' })
  @IsPlausibleInstant()
  at: Date;

  @Field(() => Date, { nullable: true, description: 'The carrier’s new delivery estimate; a year from 1970 to 2999.' })
  @IsOptional()
  @IsPlausibleInstant()
  eta?: Date;

  @Field(() => String, { nullable: true, description: 'Up to 300 characters.' })
  @IsOptional()
  @MaxLength(300)
  note?: string;
}
