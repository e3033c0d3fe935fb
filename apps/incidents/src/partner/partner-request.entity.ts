import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { CloudPartner } from './cloud-partner';
import { PartnerRequestStatus } from './partner-request-status';

/** An incident request opened with a cloud partner on the customer's behalf. */
@ObjectType('PartnerIncidentRequest')
@Entity('partner_incident_request')
@Index('UQ_partner_incident_request_tracking', ['partner', 'trackingNumber'], { unique: true })
export class PartnerIncidentRequest {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Index('IDX_partner_incident_request_incident')
  @Column('char', { length: 36 })
  incidentId: string;

  @Field(() => CloudPartner)
  @Column('varchar', { length: 30 })
  partner: CloudPartner;

  @Field(() => String, { description: 'The partner’s incident tracking number, given to the customer.' })
  @Column('varchar', { length: 100 })
  trackingNumber: string;

  @Field(() => PartnerRequestStatus)
  @Column('varchar', { length: 12 })
  status: PartnerRequestStatus;

  @Field(() => String, { nullable: true, description: 'The latest status the partner reported.' })
  @Column('varchar', { length: 200, nullable: true, default: null })
  partnerStatus: string | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  openedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  closedAt: Date | null;
}
