import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { IncidentStatus } from './incident-status';
import { ContactChannel } from './contact-channel';
import { RootCauseKind } from './root-cause-kind';
import { CloudPartner } from '../partner/cloud-partner';

@Directive('@key(fields: "id")')
@ObjectType('Incident', { description: 'A support case reported by a customer about a device.' })
@Entity('incident')
@Index('IDX_incident_customer_reported', ['customerId', 'reportedAt'])
@Index('IDX_incident_status_due', ['status', 'responseDueAt'])
@Index('FT_incident_text', ['summary', 'resolution'], { fulltext: true })
export class Incident {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  customerId: string;

  @Index('IDX_incident_device')
  @Column('char', { length: 36 })
  deviceId: string;

  @Field(() => ID, { description: 'The customer site the device is installed at; its calendar drives the clocks.' })
  @Column('char', { length: 36 })
  siteId: string;

  @Field(() => ID, { description: 'The designated contact who reported the case.' })
  @Column('char', { length: 36 })
  contactId: string;

  @Field(() => ID, { nullable: true, description: 'The contract that covered the device when the case was opened.' })
  @Column('varchar', { length: 64, nullable: true, default: null })
  contractId: string | null;

  @Field(() => ContactChannel)
  @Column('varchar', { length: 8 })
  channel: ContactChannel;

  @Field(() => Int, { description: '1 = Critical, 2 = Major, 3 = Minor.' })
  @Column('tinyint', { unsigned: true })
  severity: number;

  @Field(() => IncidentStatus)
  @Column('varchar', { length: 24, default: IncidentStatus.NEW })
  status: IncidentStatus;

  @Field(() => String)
  @Column('varchar', { length: 500 })
  summary: string;

  @Field(() => Date, { description: 'When the case was logged (server time).' })
  @Column('datetime', { precision: 3 })
  reportedAt: Date;

  @Field(() => Date, {
    description:
      'When the customer contacted support to report the problem: given by support staff for phone, chat, video and e-mail cases, the server time for web cases. The response and resolution clocks start here.',
  })
  @Column('datetime', { precision: 3 })
  contactedAt: Date;

  @Column('int', { unsigned: true })
  resolutionTargetMinutes: number;

  @Field(() => Date, {
    description:
      'When an engineer must be in contact: the response objective from the customer’s contact in the site’s business hours, re-targeted by severity changes.',
  })
  @Column('datetime', { precision: 3 })
  responseDueAt: Date;

  @Field(() => Date, { nullable: true, description: 'First engineer contact.' })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  respondedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true, default: null })
  respondedBy: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the first contact met the response objective.' })
  @Column('boolean', { nullable: true, default: null })
  responseObjectiveMet: boolean | null;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true, default: null })
  resolution: string | null;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  closedAt: Date | null;

  @Column('varchar', { length: 64 })
  siteTimeZone: string;

  @Column('char', { length: 2 })
  siteCountry: string;

  @Column('varchar', { length: 10, nullable: true, default: null })
  siteSubdivision: string | null;

  @Field(() => RootCauseKind, { nullable: true })
  @Column('varchar', { length: 20, nullable: true, default: null })
  rootCauseKind: RootCauseKind | null;

  @Field(() => String, { nullable: true, description: 'Issue-tracker key or feature-request id.' })
  @Column('varchar', { length: 100, nullable: true, default: null })
  rootCauseReference: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true, default: null })
  workaround: string | null;

  @Field(() => String, { nullable: true, description: 'For a Severity 1 or 2 workaround: the release expected to carry the fix.' })
  @Column('varchar', { length: 50, nullable: true, default: null })
  fixExpectedInRelease: string | null;

  @Field(() => CloudPartner, { nullable: true, description: 'Set when the cause lies in an approved cloud partner’s environment.' })
  @Column('varchar', { length: 30, nullable: true, default: null })
  causedByPartner: CloudPartner | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true, default: null })
  partnerFindings: string | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}
