import { Column, Entity, Index } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { CaseRecord } from '../incident/case-rows';

/** A message on a case between the customer's people and support. Rows are only ever inserted. */
@ObjectType('IncidentComment')
@Entity('incident_comment')
@Index('IDX_incident_comment_incident', ['incidentId', 'createdAt'])
export class IncidentComment extends CaseRecord {
  @Field(() => String)
  @Column('text')
  body: string;

  @Field(() => String, { description: 'Who wrote it, as the gateway verified the caller: `<ROLE>:<subject>`.' })
  @Column('varchar', { length: 100 })
  author: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  createdAt: Date;
}
