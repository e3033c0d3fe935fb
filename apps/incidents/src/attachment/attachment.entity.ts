import { Column, Entity, Index } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { CaseRecord } from '../incident/case-rows';
import { AttachmentKind } from './attachment-kind';

/**
 * A file on a case. The row is written only once the bytes are stored and verified; the bytes live
 * encrypted in object storage under `storageKey`, encrypted with the key named by `keyId`.
 */
@ObjectType('Attachment', { description: 'A file on a support case: a network diagram, a configuration, CDRs, an operation procedure.' })
@Entity('incident_attachment')
@Index('IDX_incident_attachment_incident', ['incidentId', 'uploadedAt'])
export class Attachment extends CaseRecord {
  @Field(() => String)
  @Column('varchar', { length: 255 })
  fileName: string;

  @Field(() => String, { description: 'The media type, checked against the bytes when they were uploaded.' })
  @Column('varchar', { length: 100 })
  contentType: string;

  @Field(() => AttachmentKind)
  @Column('varchar', { length: 24 })
  kind: AttachmentKind;

  @Field(() => Int, { description: 'Bytes.' })
  @Column('int', { unsigned: true })
  size: number;

  @Field(() => String, { description: 'SHA-256 of the bytes, hex: compare it with the downloaded file.' })
  @Column('char', { length: 64 })
  sha256: string;

  @Column('varchar', { length: 255 })
  storageKey: string;

  @Column('varchar', { length: 64 })
  keyId: string;

  @Field(() => String, { description: 'Who uploaded it, as the gateway verified the caller: `<ROLE>:<subject>`.' })
  @Column('varchar', { length: 100 })
  uploadedBy: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  uploadedAt: Date;
}
