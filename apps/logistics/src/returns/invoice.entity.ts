import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum InvoiceKind {
  INVOICE = 'INVOICE',
  CREDIT_NOTE = 'CREDIT_NOTE',
}
registerEnumType(InvoiceKind, { name: 'InvoiceKind' });

/** At most one invoice and one credit note per return: the UNIQUE index makes a re-run harmless. */
@ObjectType('Invoice')
@Entity('invoice')
@Index('UQ_invoice_return_kind', ['returnId', 'kind'], { unique: true })
export class Invoice {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  returnId: string;

  @Field(() => InvoiceKind)
  @Column('varchar', { length: 12 })
  kind: InvoiceKind;

  @Field(() => String, { description: 'Decimal amount; negative on a credit note.' })
  @Column('decimal', { precision: 12, scale: 2 })
  amount: string;

  @Field(() => String)
  @Column('char', { length: 3 })
  currency: string;

  @Column('char', { length: 36 })
  priceBookId: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  issuedAt: Date;
}
