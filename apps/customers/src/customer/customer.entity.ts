import { Column, CreateDateColumn, Entity, OneToMany, PrimaryColumn, type Relation } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Site } from '../site/site.entity';

@Directive('@key(fields: "id")')
@ObjectType('Customer', { description: 'A customer account holding a Poly+ contract.' })
@Entity('customer')
export class Customer {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => String)
  @Column('varchar', { length: 200 })
  name: string;

  @OneToMany(() => Site, (site) => site.customer)
  sites: Relation<Site[]>;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
