import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

/** An affected customer of a notice, and its acknowledgement. */
@ObjectType('SecurityNoticeRecipient', {
  description: 'A customer a security notice affects, and whether and by whom it acknowledged the notice.',
})
@Entity('security_notice_recipient')
@Index('IDX_security_notice_recipient_customer', ['customerId'])
export class SecurityNoticeRecipient {
  @PrimaryColumn('char', { length: 36 })
  noticeId: string;

  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  customerId: string;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  acknowledgedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The verified caller who acknowledged, as <ROLE>:<subject>.' })
  @Column('varchar', { length: 100, nullable: true, default: null })
  acknowledgedBy: string | null;
}
