import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
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

  /** The case's customer: customer principals see only their own orders. */
  @Index('IDX_replacement_order_customer')
  @Column('char', { length: 36, nullable: true, default: null })
  customerId: string | null;

  @Field(() => String)
  @Column('varchar', { length: 64 })
  partNumber: string;

  @Column('char', { length: 36, nullable: true, default: null })
  partId: string | null;

  @Field(() => Int)
  @Column('smallint', { unsigned: true, default: 1 })
  quantity: number;

  @Field(() => ReplacementOrderStatus)
  @Column('varchar', { length: 16, default: ReplacementOrderStatus.ORDERED })
  status: ReplacementOrderStatus;

  @Column('char', { length: 36, nullable: true, default: null })
  depotId: string | null;

  @Column('char', { length: 36, nullable: true, default: null })
  siteId: string | null;

  @Field(() => String, { nullable: true, description: 'Destination country (the customer site).' })
  @Column('char', { length: 2, nullable: true, default: null })
  destinationCountry: string | null;

  @Column('varchar', { length: 64, nullable: true, default: null })
  destinationTimeZone: string | null;

  /** The site's subdivision (ISO 3166-2 without the country): its regional holidays move delivery and return dates. Null on orders placed before it was kept: they use the country's calendar. */
  @Field(() => String, {
    nullable: true,
    description:
      'Destination subdivision (the customer site’s, ISO 3166-2 without the country, e.g. BY or SCT): its regional holidays count for delivery and return dates.',
  })
  @Column('varchar', { length: 16, nullable: true, default: null })
  destinationSubdivision: string | null;

  @Field(() => Date, { nullable: true, description: 'When the order reached the depot.' })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  orderReceivedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Depot local date the part ships (yyyy-mm-dd).' })
  @Column('date', { nullable: true, default: null })
  shipDate: string | null;

  @Field(() => String, { nullable: true, description: 'Destination local date the part is expected (yyyy-mm-dd).' })
  @Column('date', { nullable: true, default: null })
  expectedDelivery: string | null;

  @Field(() => Date, { nullable: true, description: 'Expected arrival instant; moves with carrier ETA updates.' })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  expectedDeliveryAt: Date | null;

  @Field(() => Boolean, { description: 'The destination country requires the customer to be importer of record.' })
  @Column('boolean', { default: false })
  customerIsImporterOfRecord: boolean;

  @Field(() => String, { description: 'Freight charged to the customer: always 0.00, the vendor pays freight.' })
  @Column('decimal', { precision: 12, scale: 2, default: '0.00' })
  customerFreightCharge: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 200, nullable: true, default: null })
  backorderReason: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  orderedAt: Date;
}
