import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { ContactErasureStep } from './contact-erasure-step.entity';

/**
 * A contact's erasure: requested once, carried out service by service (the steps), completed when
 * the customers service pseudonymised the contact itself — last, so that until then a retry still
 * knows the values to find. Holds no personal data: the reason is stored with the contact erased from it.
 */
@ObjectType('ContactErasure', {
  description: 'The erasure of a contact’s personal data: who asked, why, and which services have finished.',
})
@Entity('contact_erasure')
@Index('IDX_contact_erasure_customer', ['customerId'])
export class ContactErasure {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  contactId: string;

  @Field(() => ID)
  @Column('char', { length: 36 })
  customerId: string;

  @Field(() => String, { description: 'What the contact’s name, address and actor strings became: `erased-<hash>`.' })
  @Column('varchar', { length: 40 })
  pseudonym: string;

  @Field(() => String)
  @Column('varchar', { length: 500 })
  reason: string;

  @Field(() => String, { description: 'Who asked, as the gateway verified the caller: `<ROLE>:<subject>`.' })
  @Column('varchar', { length: 100 })
  requestedBy: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  requestedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When every service had erased the contact; null while a retry is needed.' })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  completedAt: Date | null;

  @Field(() => [ContactErasureStep], { description: 'The services that have erased the contact from their tables, in order.' })
  steps: ContactErasureStep[];
}
