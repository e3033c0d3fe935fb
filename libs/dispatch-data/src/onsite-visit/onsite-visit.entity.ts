import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { OnsiteVisitStatus } from './onsite-visit-status';

@Directive('@key(fields: "id")')
@ObjectType('OnsiteVisit', { description: 'A technician visit to a customer site to install a replacement part.' })
@Entity('onsite_visit')
@Index('IDX_onsite_visit_region_status', ['region', 'status'])
export class OnsiteVisit {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Index('IDX_onsite_visit_incident')
  @Column('char', { length: 36 })
  incidentId: string;

  @Column('char', { length: 36 })
  siteId: string;

  @Field(() => String)
  @Column('varchar', { length: 32 })
  region: string;

  @Field(() => OnsiteVisitStatus)
  @Column('varchar', { length: 16, default: OnsiteVisitStatus.UNPLANNED })
  status: OnsiteVisitStatus;

  @Column('char', { length: 36, nullable: true, default: null })
  technicianId: string | null;

  @Field(() => Date, { nullable: true, description: 'Planned arrival window start (UTC).' })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  windowStart: Date | null;

  @Field(() => Date, { nullable: true, description: 'Planned arrival window end (UTC).' })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  windowEnd: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  requestedAt: Date;
}
