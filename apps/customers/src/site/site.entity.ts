import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { Customer } from '../customer/customer.entity';
import { decimalNumber } from '../shared/decimal-number';

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

  @Field(() => String, { description: 'Street and number.', nullable: true })
  @Column('varchar', { length: 300, nullable: true, default: null })
  addressLine: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true, default: null })
  city: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 20, nullable: true, default: null })
  postalCode: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code; decides holidays and customs.' })
  @Column('char', { length: 2 })
  countryCode: string;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-2 subdivision code without the country, e.g. ENG, TX, BY; regional holidays and onsite rules.',
  })
  @Column('varchar', { length: 10, nullable: true, default: null })
  subdivision: string | null;

  @Field(() => String, { description: 'IANA time zone of the site, e.g. Europe/London.' })
  @Column('varchar', { length: 64 })
  timeZone: string;

  @Field(() => Float, { nullable: true, description: 'WGS84 degrees; dispatch plans technician travel from it.' })
  @Column('decimal', { precision: 9, scale: 6, nullable: true, default: null, transformer: decimalNumber })
  latitude: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS84 degrees.' })
  @Column('decimal', { precision: 9, scale: 6, nullable: true, default: null, transformer: decimalNumber })
  longitude: number | null;
}
