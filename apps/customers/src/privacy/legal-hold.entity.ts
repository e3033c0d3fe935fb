import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

/** A customer whose data must be kept (litigation, an investigation): no erasure, no retention purge while it exists. */
@ObjectType('LegalHold', { description: 'A legal hold on a customer’s data: while set, nothing of the customer is erased or purged.' })
@Entity('customer_legal_hold')
export class LegalHold {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  customerId: string;

  @Field(() => String)
  @Column('varchar', { length: 500 })
  reason: string;

  @Field(() => String, { description: 'Who set it, as the gateway verified the caller: `<ROLE>:<subject>`.' })
  @Column('varchar', { length: 100 })
  setBy: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  setAt: Date;
}
