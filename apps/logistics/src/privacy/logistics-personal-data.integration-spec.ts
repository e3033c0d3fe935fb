import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { appendToOutbox, REPLACEMENT_TOPICS, sampleEventPayload } from '@polyplus/events';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { collectExport, findValues, inProcessClient, personalDataPeer, type PersonalDataPeer, pseudonymsFor } from '@polyplus/privacy';
import { eraseAgain, staffPersonalDataPeer, unclassifiedEntityTables } from '@polyplus/testing';
import { logisticsSubgraph } from '../logistics-subgraph';
import { ReplacementOrder } from '../replacement-order/replacement-order.entity';
import { ReplacementOrderStatus } from '../replacement-order/replacement-order-status';
import { Shipment } from '../shipment/shipment.entity';
import { ShipmentEvent } from '../shipment/shipment-event.entity';
import { ShipmentStatus } from '../shipment/shipment-status';
import { DefectiveReturn } from '../returns/defective-return.entity';
import { LOGISTICS_PERSONAL_DATA } from './logistics-personal-data';

describe('personal data in the logistics service: export and erasure', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let peer: PersonalDataPeer;
  const fabrikam = randomUUID();
  const contoso = randomUUID();
  const ana = { contactId: randomUUID(), email: 'ana.kowalski@fabrikam.example', name: 'Ana Kowalski' };
  const cases = { anas: randomUUID(), bens: randomUUID(), contosos: randomUUID() };
  const orders: Record<string, string> = {};

  async function orderWithShipment(customerId: string, incidentId: string, note: string) {
    const orderId = randomUUID();
    const shipmentId = randomUUID();
    await db.dataSource.getRepository(ReplacementOrder).insert({
      id: orderId,
      incidentId,
      customerId,
      partNumber: '2215-61234',
      status: ReplacementOrderStatus.DELIVERED,
      backorderReason: null,
    });
    await db.dataSource.getRepository(Shipment).insert({
      id: shipmentId,
      orderId,
      carrier: 'UPS',
      trackingNumber: `1Z${orderId.slice(0, 8)}`,
      partSerialNumber: `PS-${orderId.slice(0, 8)}`,
      status: ShipmentStatus.DELIVERED,
      shippedOn: '2026-03-03',
    });
    await db.dataSource
      .getRepository(ShipmentEvent)
      .insert({ id: randomUUID(), shipmentId, at: new Date('2026-03-04T11:00:00Z'), status: ShipmentStatus.DELIVERED, note });
    await db.dataSource
      .getRepository(DefectiveReturn)
      .insert({ id: randomUUID(), orderId, dueDate: '2026-03-18', lateFrom: new Date('2026-03-19T00:00:00Z') });
    await db.dataSource.transaction((manager) =>
      appendToOutbox(manager, {
        topic: REPLACEMENT_TOPICS.delivered,
        key: orderId,
        payload: sampleEventPayload(REPLACEMENT_TOPICS.delivered, { orderId, incidentId, customerId, receivedBy: note }),
      }),
    );
    orders[incidentId] = orderId;
  }

  beforeAll(async () => {
    db = await createTestDatabase('logistics_privacy', logisticsSubgraph.database);
    ({ schema } = await logisticsSubgraph.build(db.dataSource));
    peer = personalDataPeer('logistics', inProcessClient(schema));
    await orderWithShipment(fabrikam, cases.anas, 'Signed for by Ana Kowalski at reception');
    await orderWithShipment(fabrikam, cases.bens, 'Signed for by Ben Okafor');
    await orderWithShipment(contoso, cases.contosos, 'Signed for by Ana Kowalski (Contoso)');
  }, 180_000);
  afterAll(() => db?.drop(), 60_000);

  it('every table of the logistics service is classified as holding personal data or not', () => {
    expect(unclassifiedEntityTables(db.dataSource, LOGISTICS_PERSONAL_DATA)).toEqual({ unclassified: [], unknown: [] });
  });

  it('a contact’s export holds the orders of the cases they reported, with shipments, tracking and returns; a contact without cases has none', async () => {
    const records = await collectExport(
      peer,
      { customerId: fabrikam, contactId: ana.contactId, email: ana.email, incidentIds: [cases.anas] },
      2,
    );
    expect(records.map((entry) => entry.section)).toEqual(['replacementOrders', 'shipments', 'shipmentEvents', 'defectiveReturns']);
    expect(records[0].record).toMatchObject({ id: orders[cases.anas], incidentId: cases.anas });
    expect(JSON.stringify(records)).not.toContain('Ben Okafor');
    // A case of another customer named in the subject is not exported under this customer.
    expect(await collectExport(peer, { customerId: fabrikam, contactId: ana.contactId, incidentIds: [cases.contosos] })).toEqual([]);
    expect(await collectExport(peer, { customerId: fabrikam, contactId: ana.contactId, incidentIds: [] })).toEqual([]);
  });

  it('a customer’s export holds the orders of all its cases and nothing of another customer', async () => {
    const records = await collectExport(peer, { customerId: fabrikam });
    expect(
      records
        .filter((entry) => entry.section === 'replacementOrders')
        .map((entry) => entry.record.incidentId)
        .sort(),
    ).toEqual([cases.anas, cases.bens].sort());
    expect(JSON.stringify(records)).not.toContain(contoso);
  });

  it('erasing a contact replaces their name in the customer’s tracking notes and events, not another customer’s; a second erasure changes nothing', async () => {
    const subject = { customerId: fabrikam, ...ana, erasedBy: 'SUPPORT_ENGINEER:tsr.privacy' };
    expect(await peer.erase(subject)).toEqual({ changedRows: 2, deletedFiles: 0 });
    const left = await findValues((sql, params) => db.dataSource.query(sql, params), [db.database], [ana.name, ana.email]);
    expect(left.map((found) => found.table).sort()).toEqual(['outbox_event', 'shipment_event']);
    expect(left.every((found) => JSON.stringify(found.row).includes('Contoso'))).toBe(true);
    expect(
      await db.dataSource
        .getRepository(ShipmentEvent)
        .findOneByOrFail({ note: `Signed for by ${pseudonymsFor(ana.contactId).name} at reception` }),
    ).toBeDefined();
    const again = await eraseAgain(peer, subject, db.database);
    expect(again.result).toEqual({ changedRows: 0, deletedFiles: 0 });
    expect(again.after).toEqual(again.before);
  });

  it('the personal-data fields answer services only', async () => {
    const staff = staffPersonalDataPeer('logistics', schema);
    await expect(staff.exportPage({ customerId: fabrikam }, null, 10)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});
