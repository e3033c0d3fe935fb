import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('price_book_entry')
export class PriceBookEntry {
  @PrimaryColumn('char', { length: 36 })
  priceBookId: string;

  @PrimaryColumn('char', { length: 36 })
  partId: string;

  /** Decimal string: money is never a float. */
  @Column('decimal', { precision: 12, scale: 2 })
  listPrice: string;
}
