import { registerEnumType } from 'type-graphql';

export enum MailDeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  BOUNCED = 'BOUNCED',
  SUPPRESSED = 'SUPPRESSED',
}

registerEnumType(MailDeliveryStatus, {
  name: 'MailDeliveryStatus',
  valuesConfig: {
    PENDING: { description: 'Waiting to be sent, or being retried.' },
    SENT: { description: 'Accepted by the mail server.' },
    FAILED: { description: 'Given up after every retry.' },
    BOUNCED: { description: 'Refused permanently for this address (a hard bounce); no more mail goes there.' },
    SUPPRESSED: { description: 'Not sent: the address bounced before.' },
  },
});
