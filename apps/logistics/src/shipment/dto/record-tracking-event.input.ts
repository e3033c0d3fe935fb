import { Field, InputType } from 'type-graphql';
import { IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { ShipmentStatus } from '../shipment-status';

@InputType()
export class RecordTrackingEventInput {
  @Field(() => String)
  @IsNotEmpty()
  carrier: string;

  @Field(() => String)
  @IsNotEmpty()
  trackingNumber: string;

  @Field(() => ShipmentStatus)
  status: ShipmentStatus;

  @Field(() => Date)
  at: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  eta?: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  note?: string;
}
