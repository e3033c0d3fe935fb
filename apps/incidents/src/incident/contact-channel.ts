import { registerEnumType } from 'type-graphql';

/** How the customer reached support (the description offers chat, phone, web and video). */
export enum ContactChannel {
  PHONE = 'PHONE',
  CHAT = 'CHAT',
  WEB = 'WEB',
  VIDEO = 'VIDEO',
}

registerEnumType(ContactChannel, { name: 'ContactChannel' });
