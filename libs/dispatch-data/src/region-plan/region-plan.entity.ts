import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';

/** The current plan of a dispatch region: its version grows with each committed optimisation run. */
@ObjectType('RegionPlan')
@Entity('region_plan')
export class RegionPlan {
  @Field(() => String)
  @PrimaryColumn('varchar', { length: 32 })
  region: string;

  @Field(() => Int)
  @Column('int', { unsigned: true })
  version: number;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  plannedAt: Date;

  @Field(() => Int, { description: 'Open visits the run considered.' })
  @Column('int', { unsigned: true })
  openVisits: number;
}
