import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { NotificationCategory } from '../notice/notification-category';
import { DeliveryMode } from './delivery-mode';

const CATEGORY_COLUMNS = {
  [NotificationCategory.CASE_UPDATES]: 'caseUpdates',
  [NotificationCategory.REPLACEMENT_PARTS]: 'replacementParts',
  [NotificationCategory.RETURNS]: 'returns',
  [NotificationCategory.ONSITE_VISITS]: 'onsiteVisits',
  [NotificationCategory.SECURITY_NOTICES]: 'securityNotices',
} as const;

export type CategoryColumn = (typeof CATEGORY_COLUMNS)[NotificationCategory];

export function categoryColumn(category: NotificationCategory): CategoryColumn {
  return CATEGORY_COLUMNS[category];
}

/** A contact's choices; a contact without a row gets every category, one mail per update. */
@Entity('notification_preference')
@Index('IDX_notification_preference_customer', ['customerId'])
export class NotificationPreference {
  @PrimaryColumn('char', { length: 36 })
  contactId: string;

  @Column('char', { length: 36 })
  customerId: string;

  @Column('varchar', { length: 16, default: DeliveryMode.IMMEDIATE })
  mode: DeliveryMode;

  @Column('boolean', { default: true })
  caseUpdates: boolean;

  @Column('boolean', { default: true })
  replacementParts: boolean;

  @Column('boolean', { default: true })
  returns: boolean;

  @Column('boolean', { default: true })
  onsiteVisits: boolean;

  @Column('boolean', { default: true })
  securityNotices: boolean;

  /** IANA zone for times in mails; null: the case site's zone. */
  @Column('varchar', { length: 64, nullable: true })
  timeZone: string | null;

  /** BCP 47 locale for day and month names; null: en-GB. */
  @Column('varchar', { length: 16, nullable: true })
  locale: string | null;

  /** Local hour of the daily digest; null: the service default. */
  @Column('tinyint', { nullable: true })
  digestHour: number | null;

  @Column('datetime', { precision: 3 })
  updatedAt: Date;

  /** `<ROLE>:<subject>` of whoever changed it, or `UNSUBSCRIBE_LINK`. */
  @Column('varchar', { length: 100 })
  updatedBy: string;
}
