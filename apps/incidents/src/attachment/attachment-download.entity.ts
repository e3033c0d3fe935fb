import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';

/** One download of an attachment: who fetched the file and when. Rows are only ever inserted. */
@ObjectType('AttachmentDownload')
@Entity('incident_attachment_download')
@Index('IDX_incident_attachment_download_attachment', ['attachmentId', 'downloadedAt'])
export class AttachmentDownload {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', unsigned: true })
  sequence: string;

  @Column('char', { length: 36 })
  attachmentId: string;

  @Column('char', { length: 36 })
  incidentId: string;

  @Column('char', { length: 36 })
  customerId: string;

  @Field(() => String, { description: 'Who downloaded it, as the gateway verified the caller: `<ROLE>:<subject>`.' })
  @Column('varchar', { length: 100 })
  downloadedBy: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  downloadedAt: Date;
}
