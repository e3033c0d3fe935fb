import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';

/** One service done with a contact's erasure: a retry skips it. */
@ObjectType('ContactErasureStep', { description: 'A service that has erased the contact from its tables.' })
@Entity('contact_erasure_step')
export class ContactErasureStep {
  @PrimaryColumn('char', { length: 36 })
  contactId: string;

  @Field(() => String, { description: 'customers, devices, incidents, logistics, dispatch or notifications.' })
  @PrimaryColumn('varchar', { length: 32 })
  service: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  completedAt: Date;

  @Field(() => Int, { description: 'Rows the service changed.' })
  @Column('int', { unsigned: true })
  changedRows: number;

  @Field(() => Int, { description: 'Files the service deleted (the contact’s uploads).' })
  @Column('int', { unsigned: true })
  deletedFiles: number;
}
