import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { csvTransformer } from '../shared/csv-transformer';
import { OnsiteVisitStatus } from './onsite-visit-status';

@Directive('@key(fields: "id")')
@ObjectType('OnsiteVisit', { description: 'A technician visit to a customer site to install a replacement part.' })
@Entity('onsite_visit')
@Index('IDX_onsite_visit_region_status', ['region', 'status'])
@Index('UQ_onsite_visit_replacement_order', ['replacementOrderId'], { unique: true })
export class OnsiteVisit {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Index('IDX_onsite_visit_incident')
  @Column('char', { length: 36 })
  incidentId: string;

  @Column('char', { length: 36 })
  siteId: string;

  @Field(() => ID, { nullable: true, description: 'The customer whose case it is; customers see only their own visits.' })
  @Index('IDX_onsite_visit_customer')
  @Column('char', { length: 36, nullable: true, default: null })
  customerId: string | null;

  @Field(() => ID, { nullable: true, description: 'The replacement order whose part the visit installs; one visit per order.' })
  @Column('char', { length: 36, nullable: true, default: null })
  replacementOrderId: string | null;

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

  @Field(() => Float, { nullable: true, description: 'Site latitude, cached from customers when the visit was created.' })
  @Column('double', { nullable: true, default: null })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  @Column('double', { nullable: true, default: null })
  longitude: number | null;

  @Field(() => String, { nullable: true, description: 'Site IANA time zone; with country and subdivision it gives the business hours.' })
  @Column('varchar', { length: 64, nullable: true, default: null })
  siteTimeZone: string | null;

  @Column('char', { length: 2, nullable: true, default: null })
  siteCountryCode: string | null;

  @Column('varchar', { length: 16, nullable: true, default: null })
  siteSubdivision: string | null;

  @Field(() => Date, { nullable: true, description: 'Not before: the replacement part’s expected delivery.' })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  releaseAt: Date | null;

  @Field(() => Int)
  @Column('int', { unsigned: true, default: 90 })
  durationMinutes: number;

  @Field(() => [String])
  @Column('varchar', { length: 500, default: '', transformer: csvTransformer })
  requiredSkills: string[];

  @Field(() => Int, { description: 'Case severity, 1 most severe.' })
  @Column('tinyint', { unsigned: true, default: 3 })
  severity: number;

  @Field(() => Boolean, { description: 'A pinned visit keeps its technician and start in every re-plan.' })
  @Column('boolean', { default: false })
  pinned: boolean;

  @Field(() => Date, { nullable: true, description: 'Planned arrival at the site (UTC); service starts at windowStart.' })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  arrivalAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Travel minutes from the previous stop.' })
  @Column('int', { unsigned: true, nullable: true, default: null })
  travelMinutes: number | null;

  @Column('int', { unsigned: true, nullable: true, default: null })
  routeSequence: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last run left the visit unplanned.' })
  @Column('varchar', { length: 32, nullable: true, default: null })
  unassignedReason: string | null;

  @Field(() => Int, { nullable: true, description: 'Plan version that placed the visit.' })
  @Column('int', { unsigned: true, nullable: true, default: null })
  planVersion: number | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  requestedAt: Date;
}
