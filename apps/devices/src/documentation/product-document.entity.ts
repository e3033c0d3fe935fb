import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Access, STAFF } from '@polyplus/subgraph-kit';
import { Product } from '../product/product.entity';
import { DocumentKind } from './document-kind';

/** A document the vendor publishes for a product (and, for version-specific ones, a software version). */
@ObjectType('ProductDocument', {
  description: 'Product documentation: a guide, release notes or datasheet of a product model, downloadable from the vendor.',
})
@Entity('product_document')
@Index('IDX_product_document_product', ['productId', 'publishedAt'])
export class ProductDocument {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  productId: string;

  @Field(() => Product)
  @ManyToOne(() => Product, { eager: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'productId', foreignKeyConstraintName: 'FK_product_document_product' })
  product: Relation<Product>;

  @Field(() => String)
  @Column('varchar', { length: 200 })
  title: string;

  @Field(() => DocumentKind)
  @Column('varchar', { length: 20 })
  kind: DocumentKind;

  @Field(() => String, {
    nullable: true,
    description: 'The software version the document describes; null when it applies to every version.',
  })
  @Column('varchar', { length: 32, nullable: true, default: null })
  softwareVersion: string | null;

  @Field(() => String, { description: 'BCP 47 language tag, e.g. en or de-DE.' })
  @Column('varchar', { length: 16 })
  language: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  publishedAt: Date;

  @Field(() => String, { description: 'The vendor’s https download link.' })
  @Column('varchar', { length: 2000 })
  downloadUrl: string;

  @Access(STAFF)
  @Field(() => String, { description: 'Who published it (vendor staff only).' })
  @Column('varchar', { length: 100 })
  publishedBy: string;
}
