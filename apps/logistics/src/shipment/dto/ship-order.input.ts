import { Field, ID, InputType } from 'type-graphql';
import { IsNotEmpty, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class ShipOrderInput {
  @Field(() => ID)
  @IsUUID()
  orderId: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(40)
  carrier: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(64)
  trackingNumber: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(64)
  partSerialNumber: string;
}
