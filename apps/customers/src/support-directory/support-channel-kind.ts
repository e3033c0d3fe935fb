import { registerEnumType } from 'type-graphql';

/** How customers reach 24x7 support (service description: "Support is available via chat, phone, web and video"). */
export enum SupportChannelKind {
  PHONE = 'PHONE',
  CHAT = 'CHAT',
  WEB = 'WEB',
  VIDEO = 'VIDEO',
}

registerEnumType(SupportChannelKind, { name: 'SupportChannelKind', description: 'Phone, chat, web or video.' });

/** Days of the week a channel is staffed, Monday first. */
export enum SupportWeekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

registerEnumType(SupportWeekday, { name: 'SupportWeekday' });

export const SUPPORT_WEEKDAYS = Object.values(SupportWeekday);
