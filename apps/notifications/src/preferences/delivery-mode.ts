import { registerEnumType } from 'type-graphql';

/** One mail per update, or one summary a day at the contact's digest hour. */
export enum DeliveryMode {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
}

registerEnumType(DeliveryMode, {
  name: 'MailDeliveryMode',
  valuesConfig: {
    IMMEDIATE: { description: 'One mail per update, as it happens.' },
    DAILY_DIGEST: { description: 'One summary a day (security notices still go out at once).' },
  },
});
