import { registerEnumType } from 'type-graphql';

/** How the customer reached support (the description offers chat, phone, web and video; e-mail for serial numbers and more). */
export enum ContactChannel {
  PHONE = 'PHONE',
  CHAT = 'CHAT',
  WEB = 'WEB',
  VIDEO = 'VIDEO',
  EMAIL = 'EMAIL',
}

registerEnumType(ContactChannel, { name: 'ContactChannel' });

/** Channels support staff log a case from; the customer's contact time is given with the case. */
export const STAFF_LOGGED_CHANNELS: readonly ContactChannel[] = [
  ContactChannel.PHONE,
  ContactChannel.CHAT,
  ContactChannel.VIDEO,
  ContactChannel.EMAIL,
];
