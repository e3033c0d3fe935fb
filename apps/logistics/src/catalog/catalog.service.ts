import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { createCalendar } from '@polyplus/business-calendar';
import { badUserInput, conflict, notFound } from '@polyplus/subgraph-kit';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Part } from './part.entity';
import { PriceBook } from './price-book.entity';
import { PriceBookEntry } from './price-book-entry.entity';
import { Depot } from '../depot/depot.entity';
import { DepotCoverage } from '../depot/depot-coverage.entity';
import { DepotStock } from '../depot/depot-stock.entity';
import { ShippingTerms } from '../depot/shipping-terms.entity';
import type { CreateDepotInput, CreatePartInput, CreatePriceBookInput, SetShippingTermsInput, SetStockInput } from './dto/catalog.inputs';

async function insertUnique<T>(work: () => Promise<T>, what: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDuplicateEntry(error)) throw conflict(`${what} already exists`);
    throw error;
  }
}

/** Parts, price books, depots, stock and shipping terms: the logistics reference data staff maintain. */
export class CatalogService {
  constructor(private readonly dataSource: DataSource) {}

  createPart(input: CreatePartInput): Promise<Part> {
    const part = this.dataSource.getRepository(Part).create({ id: randomUUID(), ...input });
    return insertUnique(() => this.dataSource.getRepository(Part).save(part), `Part ${input.partNumber}`);
  }

  async createPriceBook(input: CreatePriceBookInput): Promise<PriceBook> {
    if (input.validTo && input.validTo < input.validFrom) throw badUserInput('validTo must not be before validFrom', 'validTo');
    return this.dataSource.transaction(async (manager) => {
      const parts = await manager.findBy(Part, { partNumber: In(input.prices.map((p) => p.partNumber)) });
      const byNumber = new Map(parts.map((part) => [part.partNumber, part]));
      const book = manager.create(PriceBook, {
        id: randomUUID(),
        name: input.name,
        currency: input.currency,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
      });
      await manager.insert(PriceBook, book);
      for (const price of input.prices) {
        const part = byNumber.get(price.partNumber);
        if (!part) throw notFound('Part', price.partNumber);
        await insertUnique(
          () => manager.insert(PriceBookEntry, { priceBookId: book.id, partId: part.id, listPrice: price.listPrice }),
          `A price for ${price.partNumber} in this book`,
        );
      }
      return book;
    });
  }

  async createDepot(input: CreateDepotInput): Promise<Depot> {
    try {
      createCalendar({ timeZone: input.timeZone, country: input.countryCode, subdivision: input.subdivision });
    } catch (error) {
      throw badUserInput((error as Error).message, 'timeZone');
    }
    return this.dataSource.transaction(async (manager) => {
      const { servesCountries, ...fields } = input;
      const depot = manager.create(Depot, { id: randomUUID(), ...fields, subdivision: input.subdivision ?? null });
      await insertUnique(() => manager.insert(Depot, depot), `Depot ${input.code}`);
      for (const countryCode of servesCountries) {
        const [{ next }] = await manager.query(
          'SELECT COALESCE(MAX(`priority`), 0) + 1 AS next FROM `depot_coverage` WHERE `countryCode` = ?',
          [countryCode],
        );
        await manager.insert(DepotCoverage, { countryCode, depotId: depot.id, priority: Number(next) });
      }
      return depot;
    });
  }

  async setStock(input: SetStockInput): Promise<number> {
    const part = await this.dataSource.getRepository(Part).findOneBy({ partNumber: input.partNumber });
    if (!part) throw notFound('Part', input.partNumber);
    if (!(await this.dataSource.getRepository(Depot).existsBy({ id: input.depotId }))) throw notFound('Depot', input.depotId);
    await this.dataSource
      .getRepository(DepotStock)
      .upsert({ depotId: input.depotId, partId: part.id, quantity: input.quantity }, ['depotId', 'partId']);
    return input.quantity;
  }

  async setShippingTerms(input: SetShippingTermsInput): Promise<ShippingTerms> {
    await this.dataSource.getRepository(ShippingTerms).upsert(input, ['countryCode']);
    return this.dataSource.getRepository(ShippingTerms).findOneByOrFail({ countryCode: input.countryCode });
  }

  stockOf(depotId: string, partNumber: string): Promise<number> {
    return this.dataSource
      .query('SELECT s.`quantity` FROM `depot_stock` s JOIN `part` p ON p.`id` = s.`partId` WHERE s.`depotId` = ? AND p.`partNumber` = ?', [
        depotId,
        partNumber,
      ])
      .then((rows: { quantity: number }[]) => rows[0]?.quantity ?? 0);
  }

  findPart(id: string): Promise<Part | null> {
    return this.dataSource.getRepository(Part).findOneBy({ id });
  }

  findParts(ids: string[]): Promise<Part[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.dataSource.getRepository(Part).findBy({ id: In(ids) });
  }
}
