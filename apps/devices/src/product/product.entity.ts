import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ProductType } from './product-type';

@Directive('@key(fields: "id")')
@ObjectType('Product', { description: 'A Poly product model in the catalog.' })
@Entity('product')
export class Product {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => String, { description: 'Model name as printed on the device, e.g. Studio X50; unique.' })
  @Index('UQ_product_model', { unique: true })
  @Column('varchar', { length: 100 })
  model: string;

  @Field(() => String)
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => ProductType)
  @Column('varchar', { length: 16 })
  productType: ProductType;

  @Field(() => Boolean, { description: 'The Onsite option can apply to this model at all (where the site’s location allows it).' })
  @Column('boolean', { default: false })
  onsiteEligible: boolean;
}
