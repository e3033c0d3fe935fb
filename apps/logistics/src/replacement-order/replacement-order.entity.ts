import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ReplacementOrderStatus } from './replacement-order-status';

@Directive('@key(fields: "id")')
@ObjectType('ReplacementOrder', { description: 'An advance replacement part ordered for a support case.' })
@Entity('replacement_order')
export class ReplacementOrder {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Index('IDX_replacement_order_incident')
  @Column('char', { length: 36 })
  incidentId: string;

  @Field(() => String)
  @Column('varchar', { length: 64 })
  partNumber: string;

  @Field(() => ReplacementOrderStatus)
  @Column('varchar', { length: 16, default: ReplacementOrderStatus.ORDERED })
  status: ReplacementOrderStatus;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  orderedAt: Date;
}
