import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Depot', { description: 'A regional parts depot shipping advance replacements.' })
@Entity('depot')
export class Depot {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => String)
  @Index('UQ_depot_code', { unique: true })
  @Column('varchar', { length: 32 })
  code: string;

  @Field(() => String)
  @Column('char', { length: 2 })
  countryCode: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 10, nullable: true, default: null })
  subdivision: string | null;

  @Field(() => String)
  @Column('varchar', { length: 64 })
  timeZone: string;

  @Field(() => String, { description: 'Same-day processing cut-off, HH:mm depot local time.' })
  @Column('char', { length: 5, default: '15:00' })
  cutoff: string;
}
