import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MailDeliveryStatus } from './mail-delivery-status';

/**
 * One mail to one contact. `(sourceKey, contactId)` is UNIQUE: the source is the event id (or a
 * digest's or a reply's key), so an event delivered twice, or a re-run handler, makes no second mail.
 * The content is stored when the mail is decided and rendered once; every retry sends the same bytes.
 */
@ObjectType('MailDelivery', { description: 'A mail sent (or to be sent) to a contact: the delivery log.' })
@Entity('mail_delivery')
@Index('UQ_mail_delivery_source_contact', ['sourceKey', 'contactId'], { unique: true })
@Index('IDX_mail_delivery_contact_created', ['contactId', 'createdAt'])
export class MailDelivery {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  /** The event id, `digest:<first entry>` or `inbound:<received mail>`. */
  @Column('varchar', { length: 80 })
  sourceKey: string;

  @Field(() => ID)
  @Column('char', { length: 36 })
  contactId: string;

  @Column('char', { length: 36, nullable: true })
  customerId: string | null;

  @Field(() => String, { description: 'The address it was sent to.' })
  @Column('varchar', { length: 254 })
  toAddress: string;

  @Column('varchar', { length: 200 })
  recipientName: string;

  @Field(() => String, { description: 'What it is about, e.g. CASE_RESOLVED, PART_SHIPPED, DAILY_DIGEST, SERIAL_LIST_REPLY.' })
  @Column('varchar', { length: 32 })
  kind: string;

  /** JSON MailContent. */
  @Column('mediumtext')
  content: string;

  @Field(() => String, { description: 'IANA zone the mail’s times are shown in.' })
  @Column('varchar', { length: 64 })
  timeZone: string;

  @Column('varchar', { length: 16 })
  locale: string;

  @Field(() => MailDeliveryStatus)
  @Column('varchar', { length: 16 })
  status: MailDeliveryStatus;

  @Field(() => String, { nullable: true, description: 'Set once the mail is rendered.' })
  @Column('varchar', { length: 300, nullable: true })
  subject: string | null;

  @Column('mediumtext', { nullable: true })
  html: string | null;

  @Column('mediumtext', { nullable: true })
  text: string | null;

  @Column('datetime', { precision: 3, nullable: true })
  renderedAt: Date | null;

  /** `<id@domain>`: the same on every attempt, so a mail system can recognise a re-send. */
  @Column('varchar', { length: 200 })
  messageId: string;

  /** For replies: the Message-ID answered. */
  @Column('varchar', { length: 500, nullable: true })
  inReplyTo: string | null;

  @Field(() => Int)
  @Column('int', { default: 0 })
  attempts: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed (the mail server’s answer).' })
  @Column('varchar', { length: 500, nullable: true })
  lastError: string | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true })
  sentAt: Date | null;
}
