import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';

/** A status the partner reported on its incident request, relayed to the customer. */
@ObjectType('PartnerStatusUpdate')
@Entity('partner_status_update')
@Index('IDX_partner_status_update_request', ['requestId', 'sequence'])
export class PartnerStatusUpdate {
  // Arrival order: a partner may report twice within one millisecond.
  @PrimaryGeneratedColumn('increment', { type: 'bigint', unsigned: true })
  sequence: string;

  @Column('char', { length: 36 })
  requestId: string;

  @Field(() => String)
  @Column('varchar', { length: 200 })
  partnerStatus: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true, default: null })
  note: string | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  reportedAt: Date;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  recordedBy: string;
}
