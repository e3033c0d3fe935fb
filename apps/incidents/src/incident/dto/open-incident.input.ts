import { Field, ID, InputType, Int } from 'type-graphql';
import { IsEnum, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { ContactChannel } from '../contact-channel';

@InputType()
export class OpenIncidentInput {
  @Field(() => ID, { description: 'The reporting contact; must be a designated contact of the device’s customer.' })
  @IsUUID()
  contactId: string;

  @Field(() => ID)
  @IsUUID()
  deviceId: string;

  @Field(() => Int, { description: '1 = Critical, 2 = Major, 3 = Minor.' })
  @Min(1)
  @Max(3)
  severity: number;

  @Field(() => ContactChannel)
  @IsEnum(ContactChannel)
  channel: ContactChannel;

  @Field(() => String, { description: 'Up to 500 characters.' })
  @IsNotBlank()
  @MaxLength(500)
  summary: string;
}
