import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** What became of a mail received at the serial-list address (no body or attachment is kept). */
@ObjectType('InboundMail', { description: 'A mail received at the serial-list address and what was done with it.' })
@Entity('inbound_mail')
@Index('UQ_inbound_mail_dedupe', ['dedupeKey'], { unique: true })
@Index('IDX_inbound_mail_received', ['receivedAt'])
export class InboundMail {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  /** SHA-256 of the sender and Message-ID (or of the whole message): a re-delivery is recognised. */
  @Column('char', { length: 64 })
  dedupeKey: string;

  @Column('varchar', { length: 500, nullable: true })
  messageId: string | null;

  @Field(() => String)
  @Column('varchar', { length: 254 })
  fromAddress: string;

  @Field(() => ID, { nullable: true })
  @Column('char', { length: 36, nullable: true })
  contactId: string | null;

  @Field(() => ID, { nullable: true })
  @Column('char', { length: 36, nullable: true })
  customerId: string | null;

  @Field(() => String)
  @Column('varchar', { length: 300 })
  subject: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  receivedAt: Date;

  @Field(() => String, { description: 'SPF result the upstream MTA recorded (pass, fail, softfail, none…), or none.' })
  @Column('varchar', { length: 16 })
  spf: string;

  @Field(() => String)
  @Column('varchar', { length: 16 })
  dkim: string;

  @Field(() => String)
  @Column('varchar', { length: 16 })
  dmarc: string;

  @Field(() => String, {
    description: 'REGISTERED, REFUSED, UNREADABLE, UNKNOWN_SENDER, NOT_DESIGNATED, AUTHENTICATION_FAILED or BOUNCE_RECORDED.',
  })
  @Column('varchar', { length: 32 })
  outcome: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 500, nullable: true })
  detail: string | null;

  @Field(() => Int)
  @Column('int', { default: 0 })
  registeredCount: number;

  @Field(() => Int)
  @Column('int', { default: 0 })
  refusedCount: number;

  @Column('char', { length: 36, nullable: true })
  replyDeliveryId: string | null;

  @Field(() => Int)
  @Column('int')
  sizeBytes: number;
}
