import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { ProductType } from '../product/product-type';

/**
 * Where the Onsite option can be delivered, per product type: a row per country (subdivision '')
 * or per subdivision, the most specific row wins; no row means not available.
 */
@ObjectType('OnsiteAvailabilityRule', { description: 'Whether onsite support is offered for a product type in a country or subdivision.' })
@Entity('onsite_availability_rule')
@Index('UQ_onsite_rule_place_type', ['countryCode', 'subdivision', 'productType'], { unique: true })
export class OnsiteAvailabilityRule {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => String)
  @Column('char', { length: 2 })
  countryCode: string;

  @Field(() => String, { description: 'ISO 3166-2 subdivision code, or empty for the whole country.' })
  @Column('varchar', { length: 10, default: '' })
  subdivision: string;

  @Field(() => ProductType)
  @Column('varchar', { length: 16 })
  productType: ProductType;

  @Field(() => Boolean)
  @Column('boolean')
  available: boolean;
}
