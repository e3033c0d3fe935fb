import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

/** A period a technician cannot work (sick, holiday); shifts overlapping it are dropped. */
@ObjectType('TechnicianAbsence')
@Entity('technician_absence')
export class TechnicianAbsence {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Index('IDX_technician_absence_technician')
  @Column('char', { length: 36 })
  technicianId: string;

  @Field(() => String, { description: 'SICK, HOLIDAY, ...' })
  @Column('varchar', { length: 16 })
  kind: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  startsAt: Date;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  endsAt: Date;
}
