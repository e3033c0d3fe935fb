import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';

/** A case that aged past a threshold. UNIQUE(incident, level): a re-run job adds nothing. */
@ObjectType('Escalation')
@Entity('incident_escalation')
@Index('UQ_incident_escalation_level', ['incidentId', 'level'], { unique: true })
export class Escalation {
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  incidentId: string;

  @Field(() => Int)
  @Column('tinyint', { unsigned: true })
  level: number;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  escalatedAt: Date;

  @Field(() => Int, { description: 'Age of the case in business minutes when it escalated.' })
  @Column('int', { unsigned: true })
  businessAgeMinutes: number;
}
