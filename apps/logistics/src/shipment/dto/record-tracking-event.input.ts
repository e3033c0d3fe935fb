import { Field, InputType } from 'type-graphql';
import { IsEnum, IsOptional, MaxLength } from 'class-validator';
import { IsNotBlank, IsPlausibleInstant } from '@polyplus/subgraph-kit';
import { ShipmentStatus } from '../shipment-status';

@InputType()
export class RecordTrackingEventInput {
  @Field(() => String, { description: 'Up to 40 characters.' })
  @IsNotBlank()
  @MaxLength(40)
  carrier: string;

  @Field(() => String, { description: 'Up to 64 characters.' })
  @IsNotBlank()
  @MaxLength(64)
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
