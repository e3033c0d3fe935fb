import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';

/** The published location-specific timeframes and shipping terms of a destination country. */
@ObjectType('ShippingTerms')
@Entity('shipping_terms')
export class ShippingTerms {
  @Field(() => String)
  @PrimaryColumn('char', { length: 2 })
  countryCode: string;

  @Field(() => Int, { description: 'Business days customs usually add to delivery.' })
  @Column('tinyint', { unsigned: true, default: 0 })
  customsDelayBusinessDays: number;

  @Field(() => Boolean, { description: 'Whether the customer must act as importer of record.' })
  @Column('boolean', { default: false })
  customerIsImporterOfRecord: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Location-specific exceptions published with the terms, e.g. regions a carrier reaches a day later.',
  })
  @Column('varchar', { length: 500, nullable: true, default: null })
  notes: string | null;
}
