import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { deleteRedisKeys } from '@polyplus/testing';
import { logisticsSubgraph } from '../logistics-subgraph';
import { CatalogService } from '../catalog/catalog.service';
import { ReplacementOrderService } from '../replacement-order/replacement-order.service';
import { ShipmentService } from '../shipment/shipment.service';
import { ShipmentStatus } from '../shipment/shipment-status';
import { ShipmentEvent } from '../shipment/shipment-event.entity';
import { ShipmentResolver } from '../shipment/shipment.resolver';
import { ReturnsService } from './returns.service';
import { ReturnDeadlines } from './return-deadline-queue';
import { Invoice } from './invoice.entity';
import { OutboxEvent, decodeOutbox } from '@polyplus/events';
import type { SubgraphContext } from '@polyplus/subgraph-kit';
import { fakeDirectory, seedCatalog } from '../testing/logistics-fixture';

const LONDON_SITE = { countryCode: 'GB', timeZone: 'Europe/London' };
const staff = { principal: { subject: 'tsr-1', role: 'SUPPORT_ENGINEER', customerIds: [] } } as unknown as SubgraphContext;

describe('shipments and defective part returns', () => {
  let db: TestDatabase;
  let returns: ReturnsService;
  let clock = new Date('2026-03-03T10:00:00Z');
  const scheduled: string[] = [];
  const now = () => clock;

  let shipments: ShipmentService;

  /** An order shipped and tracked up to delivery at `deliveredAt`; returns its defective-return id. */
  async function deliveredOrder(deliveredAt: string): Promise<{ returnId: string; lateFrom: Date; tracking: string }> {
    clock = new Date('2026-03-03T10:00:00Z');
    const order = await new ReplacementOrderService(db.dataSource, fakeDirectory(LONDON_SITE).directory, now).order({
      incidentId: randomUUID(),
      partNumber: '2215-61234',
      quantity: 1,
    });
    const tracking = `1Z${randomUUID().slice(0, 8)}`;
    await shipments.ship({ orderId: order.id, carrier: 'UPS', trackingNumber: tracking, partSerialNumber: `PS-${tracking}` });
    clock = new Date(deliveredAt); // the carrier reports each event once it has happened
    await shipments.recordTrackingEvent({
      carrier: 'UPS',
      trackingNumber: tracking,
      status: ShipmentStatus.PICKED_UP,
      at: new Date('2026-03-03T17:00:00Z'),
    });
    await shipments.recordTrackingEvent({
      carrier: 'UPS',
      trackingNumber: tracking,
      status: ShipmentStatus.DELIVERED,
      at: new Date(deliveredAt),
    });
    const pending = await returns.findForOrder(order.id);
    return { returnId: pending!.id, lateFrom: pending!.lateFrom, tracking };
  }

  beforeAll(async () => {
    db = await createTestDatabase('logistics_returns', logisticsSubgraph.database);
    await seedCatalog(new CatalogService(db.dataSource));
    returns = new ReturnsService(db.dataSource);
    shipments = new ShipmentService(db.dataSource, returns, { schedule: async (returnId) => void scheduled.push(returnId) }, now);
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('delivery opens a return window of 10 business days and arms its deadline timer', async () => {
    const { returnId, lateFrom } = await deliveredOrder('2026-03-04T11:00:00Z');
    expect(await db.dataSource.getRepository('DefectiveReturn').findOneBy({ id: returnId })).toMatchObject({
      dueDate: '2026-03-18',
      status: 'EXPECTED',
    });
    expect(lateFrom.toISOString()).toBe('2026-03-19T00:00:00.000Z');
    expect(scheduled).toContain(returnId);
  });

  it('a late return produces exactly one invoice at the price of the book in force, even when the deadline job runs twice', async () => {
    const { returnId } = await deliveredOrder('2026-03-25T11:00:00Z');
    const late = new Date('2026-04-13T09:00:00Z'); // due 2026-04-10: Good Friday and Easter Monday don't count; the 2026 book is in force
    const outcomes = await Promise.all([returns.invoiceIfLate(returnId, late), returns.invoiceIfLate(returnId, late)]);
    expect(outcomes.sort()).toEqual(['INVOICED', 'NOTHING_OWED']);
    const invoices = await returns.invoicesFor(returnId);
    expect(invoices).toEqual([expect.objectContaining({ kind: 'INVOICE', amount: '265.50', currency: 'EUR' })]);
  });

  it('the deadline job does not invoice before the return is late', async () => {
    const { returnId, lateFrom } = await deliveredOrder('2026-03-04T11:00:00Z');
    expect(await returns.invoiceIfLate(returnId, new Date(lateFrom.getTime() - 1))).toBe('NOT_DUE');
    expect(await returns.invoicesFor(returnId)).toEqual([]);
  });

  it('a return received in time produces no invoice', async () => {
    const { returnId, lateFrom } = await deliveredOrder('2026-03-04T11:00:00Z');
    await returns.receive(returnId, new Date('2026-03-10T12:00:00Z'));
    expect(await returns.invoiceIfLate(returnId, lateFrom)).toBe('NOTHING_OWED');
    expect(await returns.invoicesFor(returnId)).toEqual([]);
  });

  it('a part that arrives after the invoice produces a credit note cancelling it', async () => {
    const { returnId, lateFrom } = await deliveredOrder('2026-03-04T11:00:00Z');
    await returns.invoiceIfLate(returnId, lateFrom);
    const received = await returns.receive(returnId, new Date(lateFrom.getTime() + 86_400_000));
    expect(received.status).toBe('CREDITED');
    const amounts = (await returns.invoicesFor(returnId)).map((invoice) => [invoice.kind, invoice.amount]);
    expect(amounts).toEqual([
      ['INVOICE', '240.00'],
      ['CREDIT_NOTE', '-240.00'],
    ]);
  });

  it('a replacement part is under warranty for 90 days from shipment, looked up by its serial number', async () => {
    const { tracking } = await deliveredOrder('2026-03-04T11:00:00Z');
    const resolver = new ShipmentResolver(shipments, () => '2026-06-01');
    expect(await resolver.partWarranty(`PS-${tracking}`, staff)).toMatchObject({
      shippedOn: '2026-03-03',
      warrantyEnd: '2026-06-01',
      underWarranty: true,
    });
    const later = new ShipmentResolver(shipments, () => '2026-06-02');
    expect((await later.partWarranty(`PS-${tracking}`, staff))?.underWarranty).toBe(false);
    expect(await resolver.partWarranty('PS-UNKNOWN', staff)).toBeNull();
  });

  it('another customer asking for a part’s warranty gets the answer for an unknown serial', async () => {
    const { tracking } = await deliveredOrder('2026-03-04T11:00:00Z');
    const resolver = new ShipmentResolver(shipments, () => '2026-06-01');
    const stranger = {
      principal: { subject: 'admin-x', role: 'CUSTOMER_ADMIN', customerIds: ['another-customer'] },
    } as unknown as SubgraphContext;
    expect(await resolver.partWarranty(`PS-${tracking}`, stranger)).toBeNull();
  });

  it('a tracking event for an unknown shipment is refused with NOT_FOUND', async () => {
    const event = shipments.recordTrackingEvent({ carrier: 'UPS', trackingNumber: 'NOPE', status: ShipmentStatus.IN_TRANSIT, at: clock });
    await expect(event).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('a delivered event before the carrier picked the part up is refused with CONFLICT and nothing is written', async () => {
    clock = new Date('2026-03-03T10:00:00Z');
    const order = await new ReplacementOrderService(db.dataSource, fakeDirectory(LONDON_SITE).directory, now).order({
      incidentId: randomUUID(),
      partNumber: '2215-61234',
      quantity: 1,
    });
    await shipments.ship({ orderId: order.id, carrier: 'DHL', trackingNumber: 'JD0001', partSerialNumber: 'PS-JD0001' });
    const events = await db.dataSource.getRepository(ShipmentEvent).count();
    const delivered = shipments.recordTrackingEvent({
      carrier: 'DHL',
      trackingNumber: 'JD0001',
      status: ShipmentStatus.DELIVERED,
      at: clock,
    });
    await expect(delivered).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await db.dataSource.getRepository(ShipmentEvent).count()).toBe(events);
    expect((await shipments.findForOrder(order.id))?.status).toBe('CREATED');
  });

  /** An order shipped at 10:00 on 3 March 2026 (the depot's hand-over to the carrier); the tracking number is returned. */
  async function shippedOrder(trackingNumber: string): Promise<string> {
    clock = new Date('2026-03-03T10:00:00Z');
    const order = await new ReplacementOrderService(db.dataSource, fakeDirectory(LONDON_SITE).directory, now).order({
      incidentId: randomUUID(),
      partNumber: '2215-61234',
      quantity: 1,
    });
    await shipments.ship({ orderId: order.id, carrier: 'DHL', trackingNumber, partSerialNumber: `PS-${trackingNumber}` });
    return order.id;
  }

  async function expectRefusedNamingAt(event: () => Promise<unknown>, orderId: string): Promise<void> {
    const events = await db.dataSource.getRepository(ShipmentEvent).count();
    const shipment = await shipments.findForOrder(orderId);
    const order = await db.dataSource.getRepository('ReplacementOrder').findOneBy({ id: orderId });
    await expect(event()).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'at' } });
    expect(await db.dataSource.getRepository(ShipmentEvent).count()).toBe(events);
    expect(await shipments.findForOrder(orderId)).toEqual(shipment);
    expect(await db.dataSource.getRepository('ReplacementOrder').findOneBy({ id: orderId })).toEqual(order);
  }

  it('a tracking event dated before the shipment was handed to the carrier is BAD_USER_INPUT naming at, and nothing is written', async () => {
    const orderId = await shippedOrder('JD0100');
    clock = new Date('2026-03-04T12:00:00Z');
    const early = new Date('2026-03-03T09:59:00Z');
    await expectRefusedNamingAt(
      () => shipments.recordTrackingEvent({ carrier: 'DHL', trackingNumber: 'JD0100', status: ShipmentStatus.PICKED_UP, at: early }),
      orderId,
    );
    await shipments.recordTrackingEvent({
      carrier: 'DHL',
      trackingNumber: 'JD0100',
      status: ShipmentStatus.PICKED_UP,
      at: new Date('2026-03-03T17:00:00Z'),
    });
    const delivered = () =>
      shipments.recordTrackingEvent({
        carrier: 'DHL',
        trackingNumber: 'JD0100',
        status: ShipmentStatus.DELIVERED,
        at: new Date('2026-03-02T11:00:00Z'),
        eta: new Date('2026-03-05T10:00:00Z'),
      });
    await expectRefusedNamingAt(delivered, orderId);
  });

  it('a tracking event dated an hour in the future is BAD_USER_INPUT naming at, and nothing is written; five minutes of clock skew are allowed', async () => {
    const orderId = await shippedOrder('JD0101');
    clock = new Date('2026-03-03T18:00:00Z');
    const inAnHour = new Date(clock.getTime() + 3_600_000);
    await expectRefusedNamingAt(
      () => shipments.recordTrackingEvent({ carrier: 'DHL', trackingNumber: 'JD0101', status: ShipmentStatus.PICKED_UP, at: inAnHour }),
      orderId,
    );
    const withinSkew = new Date(clock.getTime() + 5 * 60_000);
    expect(
      await shipments.recordTrackingEvent({ carrier: 'DHL', trackingNumber: 'JD0101', status: ShipmentStatus.PICKED_UP, at: withinSkew }),
    ).toMatchObject({ status: 'PICKED_UP' });
  });

  it('tracking events are recorded in the order they happened: one dated before the last recorded event is BAD_USER_INPUT naming at', async () => {
    const orderId = await shippedOrder('JD0102');
    clock = new Date('2026-03-04T12:00:00Z');
    await shipments.recordTrackingEvent({
      carrier: 'DHL',
      trackingNumber: 'JD0102',
      status: ShipmentStatus.PICKED_UP,
      at: new Date('2026-03-03T17:00:00Z'),
    });
    await shipments.recordTrackingEvent({
      carrier: 'DHL',
      trackingNumber: 'JD0102',
      status: ShipmentStatus.IN_TRANSIT,
      at: new Date('2026-03-04T06:00:00Z'),
    });
    await expectRefusedNamingAt(
      () =>
        shipments.recordTrackingEvent({
          carrier: 'DHL',
          trackingNumber: 'JD0102',
          status: ShipmentStatus.DELIVERED,
          at: new Date('2026-03-04T05:00:00Z'),
        }),
      orderId,
    );
    expect(
      await shipments.recordTrackingEvent({
        carrier: 'DHL',
        trackingNumber: 'JD0102',
        status: ShipmentStatus.DELIVERED,
        at: new Date('2026-03-04T11:00:00Z'),
      }),
    ).toMatchObject({ status: 'DELIVERED' });
  });

  it('a carrier ETA change moves the expected delivery of the order and publishes the change', async () => {
    clock = new Date('2026-03-03T10:00:00Z');
    const order = await new ReplacementOrderService(db.dataSource, fakeDirectory(LONDON_SITE).directory, now).order({
      incidentId: randomUUID(),
      partNumber: '2215-61234',
      quantity: 1,
    });
    await shipments.ship({ orderId: order.id, carrier: 'DHL', trackingNumber: 'JD0002', partSerialNumber: 'PS-JD0002' });
    const eta = new Date('2026-03-06T13:00:00Z');
    clock = new Date('2026-03-04T07:00:00Z');
    await shipments.recordTrackingEvent({
      carrier: 'DHL',
      trackingNumber: 'JD0002',
      status: ShipmentStatus.EXCEPTION,
      at: new Date('2026-03-04T07:00:00Z'),
      eta,
      note: 'weather delay',
    });
    expect((await db.dataSource.getRepository('ReplacementOrder').findOneBy({ id: order.id }))?.expectedDeliveryAt).toEqual(eta);
    const published = await db.dataSource.getRepository(OutboxEvent).findBy({ aggregateKey: order.id, topic: 'replacement.eta-changed' });
    expect(published.map((event) => JSON.parse(event.payload))).toEqual([
      expect.objectContaining({ orderId: order.id, expectedDeliveryAt: eta.toISOString() }),
    ]);
  });

  it('the deadline timer is a real delayed job in Redis: when it fires the late part is invoiced', async () => {
    const { returnId, lateFrom } = await deliveredOrder('2026-03-04T11:00:00Z');
    const prefix = `test-logistics-${randomUUID()}`;
    const deadlines = new ReturnDeadlines(returns, { prefix, now: () => lateFrom });
    await deadlines.start(); // re-arms every open return, including this one, due now
    try {
      for (let i = 0; i < 50 && (await returns.invoicesFor(returnId)).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await db.dataSource.getRepository(Invoice).countBy({ returnId })).toBe(1);
    } finally {
      await deadlines.close();
      await deleteRedisKeys(prefix);
    }
  });

  it('every event the producers wrote above decodes through the event contract', async () => {
    const { topics, refused } = await decodeOutbox(db.dataSource);
    expect(topics).toEqual(expect.arrayContaining(['replacement.return-invoiced', 'replacement.delivered']));
    expect(refused).toEqual([]);
  });
});
