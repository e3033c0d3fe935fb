import type { EntityManager } from 'typeorm';
import { PriceBook } from './price-book.entity';
import { PriceBookEntry } from './price-book-entry.entity';

export type ListPrice = { priceBookId: string; currency: string; amount: string };

/** The part's list price in the price book in force on `date` (yyyy-mm-dd), latest book first. */
export async function listPriceOn(manager: EntityManager, partId: string, date: string): Promise<ListPrice | null> {
  const row = await manager
    .createQueryBuilder(PriceBookEntry, 'entry')
    .innerJoin(PriceBook, 'book', 'book.id = entry.priceBookId')
    .select(['entry.priceBookId AS priceBookId', 'book.currency AS currency', 'entry.listPrice AS amount'])
    .where('entry.partId = :partId', { partId })
    .andWhere('book.validFrom <= :date', { date })
    .andWhere('(book.validTo IS NULL OR book.validTo >= :date)', { date })
    .orderBy('book.validFrom', 'DESC')
    .getRawOne<ListPrice>();
  return row ?? null;
}
