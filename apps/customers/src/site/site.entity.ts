import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Customer } from '../customer/customer.entity';

@Directive('@key(fields: "id")')
@ObjectType('Site', { description: 'A customer location where devices are installed and technicians visit.' })
@Entity('site')
@Index('IDX_site_customer_name', ['customerId', 'name'], { unique: true })
export class Site {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  customerId: string;

  @ManyToOne(() => Customer, (customer) => customer.sites, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customerId', foreignKeyConstraintName: 'FK_site_customer' })
  customer: Relation<Customer>;

  @Field(() => String)
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code; decides holidays and customs.' })
  @Column('char', { length: 2 })
  countryCode: string;

  @Field(() => String, { description: 'IANA time zone of the site, e.g. Europe/London.' })
  @Column('varchar', { length: 64 })
  timeZone: string;
}
