import { Column, Entity, Index } from 'typeorm';
import { CaseHistoryLine } from '../incident/case-rows';
import { Field, Int, ObjectType } from 'type-graphql';

/** A change of a case's severity by support staff. Rows are only ever inserted. */
@ObjectType('SeverityChange', { description: 'A change of the case’s severity, with the targets it set.' })
@Entity('incident_severity_change')
@Index('IDX_incident_severity_change_incident', ['incidentId', 'sequence'])
export class IncidentSeverityChange extends CaseHistoryLine {
  @Field(() => Int)
  @Column('tinyint', { unsigned: true })
  fromSeverity: number;

  @Field(() => Int)
  @Column('tinyint', { unsigned: true })
  toSeverity: number;

  @Field(() => Int, { description: 'The new severity’s resolution target, in business minutes, as configured at the change.' })
  @Column('int', { unsigned: true })
  resolutionTargetMinutes: number;

  @Field(() => Date, {
    nullable: true,
    description: 'The response due time after the change; null when the case had already been responded to.',
  })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  responseDueAt: Date | null;

  @Field(() => String)
  @Column('varchar', { length: 500 })
  reason: string;

  @Field(() => String, { description: 'Who changed it, as the gateway verified the caller: `<ROLE>:<subject>`.' })
  @Column('varchar', { length: 100 })
  actor: string;
}
