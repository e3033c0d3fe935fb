import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { PauseReason, PauseSource } from './pause-reason';

/**
 * One interval during which a case's resolution clock was paused. `openKey` holds
 * `<incident>|<reason>|<source id>` while the pause is open and NULL once closed: the UNIQUE index
 * allows one open pause per case, reason and source, so a repeated request or event adds nothing.
 */
@ObjectType('ClockPause', { description: 'An interval during which the resolution clock was paused, as recorded.' })
@Entity('incident_clock_pause')
@Index('IDX_incident_clock_pause_incident', ['incidentId', 'startedAt'])
@Index('UQ_incident_clock_pause_open', ['openKey'], { unique: true })
export class IncidentClockPause {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  incidentId: string;

  @Field(() => PauseReason)
  @Column('varchar', { length: 24 })
  reason: PauseReason;

  @Field(() => PauseSource)
  @Column('varchar', { length: 20 })
  source: PauseSource;

  @Field(() => ID, { nullable: true, description: 'The partner request or replacement order that paused the clock.' })
  @Column('char', { length: 36, nullable: true, default: null })
  sourceId: string | null;

  @Field(() => Date, { name: 'from', description: 'When the pause began.' })
  @Column('datetime', { precision: 3 })
  startedAt: Date;

  @Field(() => Date, { name: 'to', nullable: true, description: 'When it ended; null while the case still waits.' })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  endedAt: Date | null;

  @Field(() => String, { description: 'Who or what paused the clock: `<ROLE>:<subject>` or `system`.' })
  @Column('varchar', { length: 100 })
  openedBy: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true, default: null })
  closedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Why the case waits (support staff give a reason).' })
  @Column('varchar', { length: 500, nullable: true, default: null })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'Why the wait ended.' })
  @Column('varchar', { length: 500, nullable: true, default: null })
  closeNote: string | null;

  @Column('varchar', { length: 100, nullable: true, default: null })
  openKey: string | null;
}
