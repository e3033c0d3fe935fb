import { Field, ID, InputType } from 'type-graphql';
import { IsUUID, Matches } from 'class-validator';
import { VERSION_PATTERN } from '../software-version';

@InputType()
export class PublishReleaseInput {
  @Field(() => ID)
  @IsUUID()
  productId: string;

  @Field(() => String, { description: 'Dotted numbers, e.g. 4.1.3.' })
  @Matches(VERSION_PATTERN, { message: 'version must be dotted numbers such as 4.1.3' })
  version: string;

  @Field(() => String, { description: 'GA date, yyyy-mm-dd.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'releasedOn must be a date yyyy-mm-dd' })
  releasedOn: string;
}
