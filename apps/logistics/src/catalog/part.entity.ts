import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Part', { description: 'A field-replaceable part of a Poly product.' })
@Entity('part')
export class Part {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => String)
  @Index('UQ_part_number', { unique: true })
  @Column('varchar', { length: 64 })
  partNumber: string;

  @Field(() => String)
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => String, { description: 'The product model this part belongs to.' })
  @Column('varchar', { length: 100 })
  productModel: string;
}
