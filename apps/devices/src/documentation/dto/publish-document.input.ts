import { Field, ID, InputType } from 'type-graphql';
import { IsEnum, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsNotBlank, IsPlausibleInstant, IsPublicHttpsUrl } from '@polyplus/subgraph-kit';
import { VERSION_PATTERN } from '../../software/software-version';
import { DocumentKind } from '../document-kind';

// BCP 47 language, optional script, optional region: en, de-DE, zh-Hant-TW, es-419.
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

@InputType()
export class PublishDocumentInput {
  @Field(() => ID)
  @IsUUID()
  productId: string;

  @Field(() => String, { description: 'Up to 200 characters.' })
  @IsNotBlank()
  @MaxLength(200)
  title: string;

  @Field(() => DocumentKind)
  @IsEnum(DocumentKind)
  kind: DocumentKind;

  @Field(() => String, {
    nullable: true,
    description: 'The software version it describes (dotted numbers, up to 32 characters); omit when it applies to every version.',
  })
  @IsOptional()
  @MaxLength(32)
  @Matches(VERSION_PATTERN, { message: 'softwareVersion must be dotted numbers such as 4.1.3' })
  softwareVersion?: string | null;

  @Field(() => String, { description: 'BCP 47 language tag such as en, de-DE or zh-Hant-TW.' })
  @MaxLength(16)
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as en, de-DE or zh-Hant-TW' })
  language: string;

  @Field(() => String, { description: 'The vendor’s https download link: a public host, up to 2,000 characters.' })
  @IsPublicHttpsUrl()
  downloadUrl: string;

  @Field(() => Date, { nullable: true, description: 'When the vendor published it; default now, never in the future.' })
  @IsOptional()
  @IsPlausibleInstant()
  publishedAt?: Date | null;
}
