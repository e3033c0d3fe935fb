import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { IncidentStatus } from './incident-status';

@Directive('@key(fields: "id")')
@ObjectType('Incident', { description: 'A support case reported by a customer about a device.' })
@Entity('incident')
@Index('IDX_incident_customer_reported', ['customerId', 'reportedAt'])
export class Incident {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  customerId: string;

  @Index('IDX_incident_device')
  @Column('char', { length: 36 })
  deviceId: string;

  @Field(() => Int, { description: '1 = Critical, 2 = Major, 3 = Minor.' })
  @Column('tinyint', { unsigned: true })
  severity: number;

  @Field(() => IncidentStatus)
  @Column('varchar', { length: 24, default: IncidentStatus.NEW })
  status: IncidentStatus;

  @Field(() => String)
  @Column('varchar', { length: 500 })
  summary: string;

  @Field(() => Date, { description: 'When the customer contacted support to report the problem.' })
  @Column('datetime', { precision: 3 })
  reportedAt: Date;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}
