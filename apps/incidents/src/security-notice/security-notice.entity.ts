import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Access, STAFF } from '@polyplus/subgraph-kit';
import { SecurityNoticeKind, SecurityNoticeSeverity, SecurityNoticeStatus } from './security-notice-enums';

/**
 * A security or privacy incident that affects the delivery of the Services or the confidentiality,
 * integrity or availability of customer data, and the notice its affected customers receive.
 */
@ObjectType('SecurityNotice', {
  description: 'A security or privacy incident notice: affected customers are notified when vendor staff publish it, and acknowledge it.',
})
@Entity('security_notice')
@Index('IDX_security_notice_status', ['status', 'notifiedAt'])
export class SecurityNotice {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => SecurityNoticeKind)
  @Column('varchar', { length: 8 })
  kind: SecurityNoticeKind;

  @Field(() => SecurityNoticeSeverity)
  @Column('varchar', { length: 8 })
  severity: SecurityNoticeSeverity;

  @Field(() => String)
  @Column('varchar', { length: 200 })
  title: string;

  @Field(() => String, { description: 'What happened, what it affects, what the customer should do.' })
  @Column('text')
  summary: string;

  @Field(() => Date, { description: 'When the incident was identified.' })
  @Column('datetime', { precision: 3 })
  detectedAt: Date;

  @Field(() => SecurityNoticeStatus)
  @Column('varchar', { length: 10 })
  status: SecurityNoticeStatus;

  @Field(() => Date, { nullable: true, description: 'When the affected customers were notified (the publication); null while a draft.' })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  notifiedAt: Date | null;

  @Access(STAFF)
  @Field(() => Date, { description: 'When the notice was recorded (vendor staff only).' })
  @Column('datetime', { precision: 3 })
  recordedAt: Date;

  @Access(STAFF)
  @Field(() => String, { description: 'Who recorded it, as <ROLE>:<subject> (vendor staff only).' })
  @Column('varchar', { length: 100 })
  recordedBy: string;

  @Access(STAFF)
  @Field(() => String, { nullable: true, description: 'Who published it (vendor staff only).' })
  @Column('varchar', { length: 100, nullable: true, default: null })
  publishedBy: string | null;
}
