import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate, IsPublicHttpsUrl } from '@polyplus/subgraph-kit';
import { VERSION_PATTERN } from '../software-version';

@InputType()
export class PublishReleaseInput {
  @Field(() => ID)
  @IsUUID()
  productId: string;

  @Field(() => String, { description: 'Dotted numbers, e.g. 4.1.3; up to 32 characters.' })
  @MaxLength(32)
  @Matches(VERSION_PATTERN, { message: 'version must be dotted numbers such as 4.1.3' })
  version: string;

  @Field(() => String, { description: 'GA date, yyyy-mm-dd.' })
  @IsCalendarDate()
  releasedOn: string;

  @Field(() => String, {
    nullable: true,
    description: 'The vendor’s https download link, up to 2,000 characters; customers receive it when they download.',
  })
  @IsOptional()
  @IsPublicHttpsUrl()
  downloadUrl?: string | null;
}
