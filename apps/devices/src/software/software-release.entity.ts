import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Access, STAFF } from '@polyplus/subgraph-kit';
import { Product } from '../product/product.entity';

@ObjectType('SoftwareRelease', { description: 'A generally available (GA) software version of a product.' })
@Entity('software_release')
@Index('UQ_software_release_product_version', ['productId', 'version'], { unique: true })
export class SoftwareRelease {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  productId: string;

  @ManyToOne(() => Product, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'productId', foreignKeyConstraintName: 'FK_software_release_product' })
  product: Relation<Product>;

  @Field(() => String)
  @Column('varchar', { length: 32 })
  version: string;

  @Field(() => String, { description: 'Date it became generally available, yyyy-mm-dd.' })
  @Column({ type: 'date', utc: true })
  releasedOn: string;

  // Customers get the link through downloadSoftwareRelease, which records the download.
  @Access(STAFF)
  @Field(() => String, {
    nullable: true,
    description: 'The vendor’s https download link (vendor staff; customers receive it from downloadSoftwareRelease).',
  })
  @Column('varchar', { length: 2000, nullable: true, default: null })
  downloadUrl: string | null;
}
