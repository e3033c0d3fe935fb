import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NotificationCategory } from '../notice/notification-category';
import { DeliveryMode } from './delivery-mode';

@ObjectType('NotificationPreferences', {
  description: 'What a contact receives by e-mail and how; every category, one mail per update, until changed.',
})
export class NotificationPreferences {
  @Field(() => ID)
  contactId: string;

  /** The contact's customer (tenant scope); not a field. */
  customerId: string;

  @Field(() => DeliveryMode)
  mode: DeliveryMode;

  @Field(() => [NotificationCategory], { description: 'Categories mailed; an empty list means no mail at all.' })
  categories: NotificationCategory[];

  @Field(() => String, { nullable: true, description: 'IANA zone for times in mails; null: the case site’s zone.' })
  timeZone: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 locale for day and month names, e.g. en-GB, de-DE; null: en-GB.' })
  locale: string | null;

  @Field(() => Int, { nullable: true, description: 'Local hour (0-23) of the daily digest; null: the service default.' })
  digestHour: number | null;

  @Field(() => Boolean, { description: 'The address bounced; no mail goes to it until support reinstates it.' })
  addressBounced: boolean;

  @Field(() => Date, { nullable: true })
  updatedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who changed them last (<ROLE>:<subject>, or UNSUBSCRIBE_LINK).' })
  updatedBy: string | null;
}
