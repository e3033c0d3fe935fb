import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

/** List prices valid over a period: an invoice uses the book in force on the day it is issued. */
@ObjectType('PriceBook')
@Entity('price_book')
export class PriceBook {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  name: string;

  @Field(() => String, { description: 'ISO 4217 currency of every price in the book.' })
  @Column('char', { length: 3 })
  currency: string;

  @Field(() => String, { description: 'First day in force (yyyy-mm-dd).' })
  @Column('date')
  validFrom: string;

  @Field(() => String, { nullable: true, description: 'Last day in force; open-ended when null.' })
  @Column('date', { nullable: true, default: null })
  validTo: string | null;
}
