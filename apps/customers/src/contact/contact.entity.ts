import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Customer } from '../customer/customer.entity';
import { ContactRole } from './contact-role';

@Directive('@key(fields: "id")')
@ObjectType('Contact', { description: 'A person at a customer; designated technicians are the only ones who may open support cases.' })
@Entity('contact')
@Index('UQ_contact_customer_email', ['customerId', 'email'], { unique: true })
export class Contact {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customerId', foreignKeyConstraintName: 'FK_contact_customer' })
  customer: Relation<Customer>;

  @Field(() => String)
  @Column('varchar', { length: 254 })
  email: string;

  @Field(() => String)
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => ContactRole)
  @Column('varchar', { length: 16 })
  role: ContactRole;

  @Field(() => Boolean, { description: 'Authorised to contact Poly support (service description: designated Customer technicians).' })
  @Column('boolean', { default: false })
  designated: boolean;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
