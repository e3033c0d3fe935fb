import { decodeOutbox } from '@polyplus/events';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, pendingSchemaChanges, type TestDatabase } from '@polyplus/persistence';
import { logisticsSubgraph } from '../logistics-subgraph';
import { CatalogService } from '../catalog/catalog.service';
import { ReplacementOrder } from './replacement-order.entity';
import { ReplacementOrderService } from './replacement-order.service';
import { fakeDirectory, seedCatalog } from '../testing/logistics-fixture';

const LONDON_SITE = { countryCode: 'GB', timeZone: 'Europe/London' };
const ZURICH_SITE = { countryCode: 'CH', timeZone: 'Europe/Zurich' };

describe('advance replacement, next business day', () => {
  let db: TestDatabase;
  let catalog: CatalogService;
  let depots: Awaited<ReturnType<typeof seedCatalog>>;

  const orderAt = (at: string, site = LONDON_SITE, entitled?: (deviceId: string) => boolean) =>
    new ReplacementOrderService(db.dataSource, fakeDirectory(site, entitled).directory, () => new Date(at)).order({
      incidentId: randomUUID(),
      partNumber: '2215-61234',
      quantity: 1,
    });

  beforeAll(async () => {
    db = await createTestDatabase('logistics', logisticsSubgraph.database);
    catalog = new CatalogService(db.dataSource);
    depots = await seedCatalog(catalog);
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('migrations create exactly the schema the entities describe', async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });

  it('an order reaching the depot at 14:59 depot time ships the same day and arrives the next business day', async () => {
    const order = await orderAt('2026-03-03T14:59:00Z');
    expect(order).toMatchObject({ status: 'ORDERED', depotId: depots.london.id, shipDate: '2026-03-03', expectedDelivery: '2026-03-04' });
    expect(order.expectedDeliveryAt?.toISOString()).toBe('2026-03-04T08:00:00.000Z');
  });

  it('an order at 15:01 depot time ships the next business day', async () => {
    expect(await orderAt('2026-03-03T15:01:00Z')).toMatchObject({ shipDate: '2026-03-04', expectedDelivery: '2026-03-05' });
  });

  it('an order on Friday after the cut-off ships on Monday and is delivered on Tuesday', async () => {
    expect(await orderAt('2026-03-06T15:30:00Z')).toMatchObject({ shipDate: '2026-03-09', expectedDelivery: '2026-03-10' });
  });

  it('a depot holiday (the early May bank holiday in England) moves shipping to the next depot business day', async () => {
    expect(await orderAt('2026-05-01T16:00:00+01:00')).toMatchObject({ shipDate: '2026-05-05', expectedDelivery: '2026-05-06' });
  });

  it('a customs delay adds destination business days and the country may make the customer importer of record', async () => {
    const order = await orderAt('2026-03-03T10:00:00Z', ZURICH_SITE);
    expect(order).toMatchObject({
      depotId: depots.frankfurt.id,
      shipDate: '2026-03-03',
      expectedDelivery: '2026-03-06',
      customerIsImporterOfRecord: true,
    });
  });

  it('the vendor pays freight: the customer is charged nothing', async () => {
    expect((await orderAt('2026-03-03T10:00:00Z')).customerFreightCharge).toBe('0.00');
  });

  it('a personal device past 3 years of continuous coverage is FORBIDDEN with reason PERSONAL_DEVICE_COVERAGE_LIMIT, and no stock is taken', async () => {
    const stockBefore = await catalog.stockOf(depots.london.id, '2215-61234');
    const ordersBefore = await db.dataSource.getRepository(ReplacementOrder).count();
    await expect(orderAt('2026-03-03T10:00:00Z', LONDON_SITE, () => false)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN', reason: 'PERSONAL_DEVICE_COVERAGE_LIMIT' },
    });
    expect(await catalog.stockOf(depots.london.id, '2215-61234')).toBe(stockBefore);
    expect(await db.dataSource.getRepository(ReplacementOrder).count()).toBe(ordersBefore);
  });

  it('concurrent orders for the last unit of stock: exactly one gets it, the others are back-ordered', async () => {
    await catalog.createPart({ partNumber: '2200-LAST', name: 'Sync 60 speaker grille', productModel: 'Sync 60' });
    await catalog.setStock({ depotId: depots.london.id, partNumber: '2200-LAST', quantity: 1 });
    const order = () =>
      new ReplacementOrderService(db.dataSource, fakeDirectory(LONDON_SITE).directory, () => new Date('2026-03-03T10:00:00Z')).order({
        incidentId: randomUUID(),
        partNumber: '2200-LAST',
        quantity: 1,
      });
    const results = await Promise.all(Array.from({ length: 8 }, order));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 'ORDERED')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'BACKORDERED')).toHaveLength(7);
    expect(await catalog.stockOf(depots.london.id, '2200-LAST')).toBe(0);
  });

  it('an unknown part is refused with NOT_FOUND and nothing is written', async () => {
    const before = await db.dataSource.getRepository(ReplacementOrder).count();
    const order = new ReplacementOrderService(db.dataSource, fakeDirectory(LONDON_SITE).directory).order({
      incidentId: randomUUID(),
      partNumber: 'NO-SUCH-PART',
      quantity: 1,
    });
    await expect(order).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await db.dataSource.getRepository(ReplacementOrder).count()).toBe(before);
  });

  it('every event the producers wrote above decodes through the event contract', async () => {
    const { topics, refused } = await decodeOutbox(db.dataSource);
    expect(topics).toEqual(expect.arrayContaining(['replacement.ordered']));
    expect(refused).toEqual([]);
  });
});
