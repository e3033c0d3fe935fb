import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Technician', { description: 'An authorised field technician who installs replacement parts on site.' })
@Entity('technician')
export class Technician {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => String)
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => String, { description: 'The dispatch region whose visits this technician serves.' })
  @Index('IDX_technician_region')
  @Column('varchar', { length: 32 })
  region: string;
}
