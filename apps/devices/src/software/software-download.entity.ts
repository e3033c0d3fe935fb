import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { SoftwareRelease } from './software-release.entity';

/** A record of who downloaded which software release, when, and for which device. */
@ObjectType('SoftwareDownload', {
  description: 'A software download: who (the verified caller), what, when, for which device, and the link given.',
})
@Entity('software_download')
@Index('IDX_software_download_customer', ['customerId', 'downloadedAt'])
@Index('IDX_software_download_product', ['productId', 'downloadedAt'])
export class SoftwareDownload {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  releaseId: string;

  @Field(() => SoftwareRelease)
  @ManyToOne(() => SoftwareRelease, { eager: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'releaseId', foreignKeyConstraintName: 'FK_software_download_release' })
  release: Relation<SoftwareRelease>;

  @Column('char', { length: 36 })
  productId: string;

  @Field(() => String, { description: 'The version downloaded.' })
  @Column('varchar', { length: 32 })
  version: string;

  @Field(() => ID, { nullable: true, description: 'The device the download is for, when one was named or found.' })
  @Column('char', { length: 36, nullable: true, default: null })
  deviceId: string | null;

  @Field(() => ID, { nullable: true, description: 'The customer who downloaded; null for vendor staff downloading for themselves.' })
  @Column('char', { length: 36, nullable: true, default: null })
  customerId: string | null;

  @Field(() => String, { description: 'The verified caller, as <ROLE>:<subject>.' })
  @Column('varchar', { length: 100 })
  downloadedBy: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  downloadedAt: Date;

  @Field(() => String, { description: 'The https link of the release the caller was given.' })
  @Column('varchar', { length: 2000 })
  url: string;
}
