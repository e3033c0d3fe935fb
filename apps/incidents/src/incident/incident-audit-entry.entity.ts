import { Column, Entity, Index } from 'typeorm';
import { CaseHistoryLine } from './case-rows';
import { Field, ObjectType } from 'type-graphql';
import { IncidentStatus } from './incident-status';

/** One line of a case's audit trail. Rows are only ever inserted. */
@ObjectType('IncidentAuditEntry')
@Entity('incident_audit_entry')
@Index('IDX_incident_audit_entry_incident', ['incidentId', 'sequence'])
export class IncidentAuditEntry extends CaseHistoryLine {
  @Field(() => String, {
    description: 'Who acted, as the gateway verified the caller: `<ROLE>:<subject>` (e.g. `SUPPORT_ENGINEER:jane`), or `system`.',
  })
  @Column('varchar', { length: 100 })
  actor: string;

  @Field(() => String)
  @Column('varchar', { length: 40 })
  action: string;

  @Field(() => IncidentStatus, { nullable: true })
  @Column('varchar', { length: 24, nullable: true, default: null })
  fromStatus: IncidentStatus | null;

  @Field(() => IncidentStatus, { nullable: true })
  @Column('varchar', { length: 24, nullable: true, default: null })
  toStatus: IncidentStatus | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Free text; a name the caller typed for itself (the deprecated `engineer` input) is shown here as `[engineer: …]`, never as the actor.',
  })
  @Column('text', { nullable: true, default: null })
  note: string | null;
}
