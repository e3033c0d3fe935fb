import { Field, ID, InputType } from 'type-graphql';
import { IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';

@InputType()
export class ShipOrderInput {
  @Field(() => ID)
  @IsUUID()
  orderId: string;

  @Field(() => String, { description: 'Up to 40 characters.' })
  @IsNotBlank()
  @MaxLength(40)
  carrier: string;

  @Field(() => String, { description: 'Up to 64 characters.' })
  @IsNotBlank()
  @MaxLength(64)
  trackingNumber: string;

  @Field(() => String, { description: 'Up to 64 characters.' })
  @IsNotBlank()
  @MaxLength(64)
  partSerialNumber: string;
}
