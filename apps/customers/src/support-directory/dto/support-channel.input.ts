import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsEnum, IsOptional, IsTimeZone, Matches, MaxLength } from 'class-validator';
import { IsNotBlank, IsPublicHttpsUrl } from '@polyplus/subgraph-kit';
import { SupportChannelKind, SupportWeekday } from '../support-channel-kind';

export const MAX_LANGUAGES = 12;
// BCP 47 language, optional script, optional region: en, de-CH, zh-Hant-TW, es-419.
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
// E.164: a plus, a country code and at most 15 digits in all.
const E164 = /^\+[1-9]\d{6,14}$/;

@InputType()
export class SupportChannelInput {
  @Field(() => String, { description: 'The support region, e.g. EMEA; up to 60 characters.' })
  @IsNotBlank()
  @MaxLength(60)
  region: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country; omit for a channel serving the whole region.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code such as GB' })
  countryCode?: string | null;

  @Field(() => SupportChannelKind)
  @IsEnum(SupportChannelKind)
  kind: SupportChannelKind;

  @Field(() => String, { description: 'Up to 100 characters, e.g. "Toll-free".' })
  @IsNotBlank()
  @MaxLength(100)
  label: string;

  @Field(() => String, { nullable: true, description: 'PHONE channels only: the number in E.164 form, e.g. +442071234567.' })
  @IsOptional()
  @Matches(E164, { message: 'phoneNumber must be an E.164 number such as +442071234567' })
  phoneNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'CHAT, WEB and VIDEO channels only: an https link to a public host, up to 2,000 characters.',
  })
  @IsOptional()
  @IsPublicHttpsUrl()
  url?: string | null;

  @Field(() => Boolean, { description: 'Staffed around the clock, every day: no days, hours or time zone then.' })
  @IsBoolean()
  available24x7: boolean;

  @Field(() => [SupportWeekday], { defaultValue: [], description: 'When not 24x7: the days staffed, each once.' })
  @ArrayMaxSize(7)
  @ArrayUnique({ message: 'openDays must name each day once' })
  @IsEnum(SupportWeekday, { each: true })
  openDays: SupportWeekday[];

  @Field(() => String, { nullable: true, description: 'When not 24x7: opening time HH:mm, before closesAt.' })
  @IsOptional()
  @Matches(CLOCK, { message: 'opensAt must be HH:mm' })
  opensAt?: string | null;

  @Field(() => String, { nullable: true, description: 'When not 24x7: closing time HH:mm.' })
  @IsOptional()
  @Matches(CLOCK, { message: 'closesAt must be HH:mm' })
  closesAt?: string | null;

  @Field(() => String, { nullable: true, description: 'When not 24x7: the IANA time zone of the hours, e.g. Europe/Berlin.' })
  @IsOptional()
  @MaxLength(64)
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone?: string | null;

  @Field(() => [String], { description: `Languages spoken, 1 to ${MAX_LANGUAGES} BCP 47 tags such as en, de-CH, zh-Hant-TW; each once.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LANGUAGES)
  @ArrayUnique({ message: 'languages must name each language once' })
  @Matches(LANGUAGE_TAG, { each: true, message: 'languages must be BCP 47 tags such as en, de-CH or zh-Hant-TW' })
  languages: string[];

  @Field(() => String, { nullable: true, description: 'Up to 500 characters, e.g. "Free from landlines".' })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(500)
  notes?: string | null;
}
