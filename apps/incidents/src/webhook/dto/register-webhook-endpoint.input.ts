import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsString, MaxLength } from 'class-validator';

@InputType()
export class RegisterWebhookEndpointInput {
  @Field(() => String, { description: 'An https URL on a public host; checked again before every delivery.' })
  @IsString()
  @MaxLength(2000)
  url: string;

  @Field(() => [String], { description: 'Event types to receive (see `webhookEventTypes`).' })
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  eventTypes: string[];
}
