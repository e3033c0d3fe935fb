import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum TechnicianAbsenceKind {
  SICK = 'SICK',
  HOLIDAY = 'HOLIDAY',
  TRAINING = 'TRAINING',
  OTHER = 'OTHER',
}

registerEnumType(TechnicianAbsenceKind, { name: 'TechnicianAbsenceKind' });

/** A period a technician cannot work (sick, holiday); shifts overlapping it are dropped. */
@ObjectType('TechnicianAbsence')
@Entity('technician_absence')
export class TechnicianAbsence {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => ID)
  @Index('IDX_technician_absence_technician')
  @Column('char', { length: 36 })
  technicianId: string;

  @Field(() => TechnicianAbsenceKind)
  @Column('varchar', { length: 16 })
  kind: TechnicianAbsenceKind;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  startsAt: Date;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  endsAt: Date;
}
