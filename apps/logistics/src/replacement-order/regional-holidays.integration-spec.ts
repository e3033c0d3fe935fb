import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { logisticsSubgraph } from '../logistics-subgraph';
import { CatalogService } from '../catalog/catalog.service';
import { ReturnsService } from '../returns/returns.service';
import { ShipmentService } from '../shipment/shipment.service';
import { ShipmentStatus } from '../shipment/shipment-status';
import { fakeDirectory, seedCatalog, type FakeSite } from '../testing/logistics-fixture';
import { ReplacementOrder } from './replacement-order.entity';
import { ReplacementOrderService } from './replacement-order.service';

// 2 January is a bank holiday in Scotland, not in the rest of the United Kingdom.
const GLASGOW: FakeSite = { countryCode: 'GB', subdivision: 'SCT', timeZone: 'Europe/London' };
// A site whose subdivision is not known, as on orders placed before it was kept: the country's holidays only.
const COUNTRY_ONLY: FakeSite = { countryCode: 'GB', subdivision: null, timeZone: 'Europe/London' };

describe('replacements follow the destination site’s regional public holidays, as its case clock does', () => {
  let db: TestDatabase;
  let shipments: ShipmentService;
  let returns: ReturnsService;
  let clock: Date;
  const now = () => clock;

  const orderAt = (at: string, site: FakeSite): Promise<ReplacementOrder> => {
    clock = new Date(at);
    return new ReplacementOrderService(db.dataSource, fakeDirectory(site).directory, now).order({
      incidentId: randomUUID(),
      partNumber: '2215-61234',
      quantity: 1,
    });
  };

  /** Orders, ships and delivers a part to `site`; the defective part's return deadline that delivery opened. */
  async function returnDueAfterDelivery(site: FakeSite, orderedAt: string, deliveredAt: string): Promise<string> {
    const order = await orderAt(orderedAt, site);
    const tracking = `1Z${randomUUID().slice(0, 8)}`;
    await shipments.ship({ orderId: order.id, carrier: 'UPS', trackingNumber: tracking, partSerialNumber: `PS-${tracking}` });
    clock = new Date(deliveredAt);
    await shipments.recordTrackingEvent({
      carrier: 'UPS',
      trackingNumber: tracking,
      status: ShipmentStatus.PICKED_UP,
      at: new Date(new Date(orderedAt).getTime() + 3_600_000),
    });
    await shipments.recordTrackingEvent({
      carrier: 'UPS',
      trackingNumber: tracking,
      status: ShipmentStatus.DELIVERED,
      at: new Date(deliveredAt),
    });
    return (await returns.findForOrder(order.id))!.dueDate;
  }

  beforeAll(async () => {
    db = await createTestDatabase('logistics_regional_holidays', logisticsSubgraph.database);
    await seedCatalog(new CatalogService(db.dataSource));
    returns = new ReturnsService(db.dataSource);
    shipments = new ShipmentService(db.dataSource, returns, { schedule: async () => undefined }, now);
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('a subdivision’s public holiday moves the delivery date: shipped from London on 31 December, a Glasgow site gets the part on 5 January, not on its bank holiday of 2 January', async () => {
    const glasgow = await orderAt('2025-12-31T10:00:00Z', GLASGOW);
    const countryOnly = await orderAt('2025-12-31T10:00:00Z', COUNTRY_ONLY);
    expect(glasgow).toMatchObject({
      destinationCountry: 'GB',
      destinationSubdivision: 'SCT',
      shipDate: '2025-12-31',
      expectedDelivery: '2026-01-05',
    });
    expect(countryOnly).toMatchObject({ destinationSubdivision: null, shipDate: '2025-12-31', expectedDelivery: '2026-01-02' });
    expect(await db.dataSource.getRepository(ReplacementOrder).findOneBy({ id: glasgow.id })).toMatchObject({
      destinationSubdivision: 'SCT',
    });
  });

  it('a subdivision’s public holiday moves the return deadline: delivered on 30 December, a Glasgow site has until 15 January, one day more than the country’s 14 January', async () => {
    expect(await returnDueAfterDelivery(GLASGOW, '2025-12-29T10:00:00Z', '2025-12-30T11:00:00Z')).toBe('2026-01-15');
    expect(await returnDueAfterDelivery(COUNTRY_ONLY, '2025-12-29T10:00:00Z', '2025-12-30T11:00:00Z')).toBe('2026-01-14');
  });
});
