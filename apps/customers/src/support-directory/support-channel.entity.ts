import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { SupportChannelKind, SUPPORT_WEEKDAYS, SupportWeekday } from './support-channel-kind';

const list = {
  to: (values: string[]) => values.join(','),
  from: (value: string) => (value ? value.split(',') : []),
};

const weekdays = {
  to: (days: SupportWeekday[]) => [...new Set(days)].sort((a, b) => SUPPORT_WEEKDAYS.indexOf(a) - SUPPORT_WEEKDAYS.indexOf(b)).join(','),
  from: (value: string) => (value ? (value.split(',') as SupportWeekday[]) : []),
};

/**
 * One way to reach Poly support in a region or country: a telephone number, or a chat, web or
 * video link, with its hours and languages. Maintained by support staff; public.
 */
@ObjectType('SupportChannel', {
  description: 'A regional contact channel of 24x7 Priority Support: phone number or chat, web or video link, hours and languages.',
})
@Entity('support_channel')
@Index('IDX_support_channel_place', ['region', 'countryCode'])
export class SupportChannel {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => String, { description: 'The support region, e.g. EMEA, Americas, APAC.' })
  @Column('varchar', { length: 60 })
  region: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country the channel is for; null for the whole region.' })
  @Column('char', { length: 2, nullable: true, default: null })
  countryCode: string | null;

  @Field(() => SupportChannelKind)
  @Column('varchar', { length: 8 })
  kind: SupportChannelKind;

  @Field(() => String, { description: 'What the channel is, e.g. "Toll-free" or "Chat with a support engineer".' })
  @Column('varchar', { length: 100 })
  label: string;

  @Field(() => String, { nullable: true, description: 'E.164 telephone number of a PHONE channel, e.g. +442071234567.' })
  @Column('varchar', { length: 16, nullable: true, default: null })
  phoneNumber: string | null;

  @Field(() => String, { nullable: true, description: 'https link of a CHAT, WEB or VIDEO channel.' })
  @Column('varchar', { length: 2000, nullable: true, default: null })
  url: string | null;

  @Field(() => Boolean, { description: 'Staffed around the clock, every day.' })
  @Column('boolean')
  available24x7: boolean;

  @Field(() => [SupportWeekday], { description: 'Days staffed when not 24x7, Monday first.' })
  @Column('varchar', { length: 80, default: '', transformer: weekdays })
  openDays: SupportWeekday[];

  @Field(() => String, { nullable: true, description: 'Opening time HH:mm in `timeZone`, when not 24x7.' })
  @Column('char', { length: 5, nullable: true, default: null })
  opensAt: string | null;

  @Field(() => String, { nullable: true, description: 'Closing time HH:mm in `timeZone`, when not 24x7.' })
  @Column('char', { length: 5, nullable: true, default: null })
  closesAt: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone of the stated hours.' })
  @Column('varchar', { length: 64, nullable: true, default: null })
  timeZone: string | null;

  @Field(() => [String], { description: 'Languages spoken, as BCP 47 tags (en, de, fr-CA).' })
  @Column('varchar', { length: 200, transformer: list })
  languages: string[];

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 500, nullable: true, default: null })
  notes: string | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  updatedAt: Date;

  // Who maintains the directory is vendor business: recorded, not published.
  @Column('varchar', { length: 100 })
  updatedBy: string;
}
