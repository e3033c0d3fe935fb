import { Field, ID, InputType, Int } from 'type-graphql';
import { IsEnum, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank, IsPlausibleInstant } from '@polyplus/subgraph-kit';
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

  @Field(() => Date, {
    nullable: true,
    description:
      'When the customer reached support, for a case support staff log from a phone call, chat, video or e-mail (default: now). At most 5 minutes ahead of the server’s time and 24 hours (configurable) before it; refused (BAD_USER_INPUT) for web cases and from customers, whose cases start when they are opened.',
  })
  @IsOptional()
  @IsPlausibleInstant()
  contactedAt?: Date | null;
}
