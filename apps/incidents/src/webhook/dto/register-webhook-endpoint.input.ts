import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsString, MaxLength } from 'class-validator';

@InputType()
export class RegisterWebhookEndpointInput {
  @Field(() => String, { description: 'An https URL on a public host, up to 2,000 characters; checked again before every delivery.' })
  @IsString()
  @MaxLength(2000)
  url: string;

  @Field(() => [String], { description: 'Up to 50 event types to receive (see `webhookEventTypes`).' })
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  eventTypes: string[];
}
