import { Field, ID, InputType } from 'type-graphql';
import { IsNotEmpty, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class OpenPartnerRequestInput {
  @Field(() => ID)
  @IsUUID()
  incidentId: string;

  @Field(() => String, { description: 'The partner’s incident tracking number.' })
  @IsNotEmpty()
  @MaxLength(100)
  trackingNumber: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(100)
  engineer: string;
}
