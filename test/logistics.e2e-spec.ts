import { graphqlData, graphqlRequest } from '@polyplus/local-stack';
import { createCoveredCustomer, openCoveredCase } from '@polyplus/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { stockCameraModule } from './support/stocked-depot';

let stack: E2eStack;
let incidentId: string;

const mutate = <T>(query: string, input: Record<string, unknown>) => graphqlData<T>(stack.gateway, query, { input });

beforeAll(async () => {
  stack = await startE2eStack('e2e_logistics');
  const customer = await createCoveredCustomer(stack.gateway, {
    name: 'Initech',
    serial: 'INITECH-0001',
    site: { name: 'Reading', subdivision: 'ENG' },
    technician: { name: 'Peter', email: 'peter@initech.example' },
    contract: { reference: 'PP-INITECH' },
  });
  incidentId = await openCoveredCase(stack.gateway, customer, { severity: 2, channel: 'PHONE', summary: 'Camera module dead' });
  await stockCameraModule(stack.gateway, '2215-60001', 3);
}, 120_000);

afterAll(() => stack?.teardown(), 60_000);

describe('advance replacement through the gateway', () => {
  it('a case shows its replacement part, ship and delivery dates, tracking history and return deadline in one query', async () => {
    const { orderReplacement } = await mutate<{ orderReplacement: { id: string; status: string } }>(
      'mutation ($input: OrderReplacementInput!) { orderReplacement(input: $input) { id status } }',
      { incidentId, partNumber: '2215-60001', quantity: 1 },
    );
    expect(orderReplacement.status).toBe('ORDERED');
    await mutate('mutation ($input: ShipOrderInput!) { shipReplacement(input: $input) { id } }', {
      orderId: orderReplacement.id,
      carrier: 'DHL',
      trackingNumber: 'JD014600',
      partSerialNumber: 'PS-0001',
    });
    const track = (status: string, at: string) =>
      mutate('mutation ($input: RecordTrackingEventInput!) { recordTrackingEvent(input: $input) { status } }', {
        carrier: 'DHL',
        trackingNumber: 'JD014600',
        status,
        at,
      });
    // Carriers report what has happened: events are dated after the hand-over and not in the future.
    const pickedUpAt = new Date().toISOString();
    const deliveredAt = new Date(Date.now() + 1_000).toISOString();
    await track('PICKED_UP', pickedUpAt);
    await track('DELIVERED', deliveredAt);

    const { incident } = await graphqlData<{ incident: { replacementOrders: Record<string, unknown>[] } }>(
      stack.gateway,
      `query ($id: ID!) { incident(id: $id) { replacementOrders {
        part { name } shipDate expectedDelivery shipment { status events { at status } } returnDueAt } } }`,
      { id: incidentId },
    );
    const [order] = incident.replacementOrders;
    expect(order).toMatchObject({
      part: { name: 'Studio X50 camera module' },
      shipment: {
        status: 'DELIVERED',
        events: [
          expect.objectContaining({ status: 'CREATED' }),
          { at: pickedUpAt, status: 'PICKED_UP' },
          { at: deliveredAt, status: 'DELIVERED' },
        ],
      },
    });
    // 10 business days after delivery: at least two calendar weeks later.
    expect(Date.parse(order.returnDueAt as string) - Date.parse(deliveredAt)).toBeGreaterThan(13 * 86_400_000);
    expect(order.shipDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(order.expectedDelivery).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('bad input gets a clear code and writes nothing: negative quantity, unknown part, unknown shipment, delivered before shipped', async () => {
    const order = (partNumber: string, quantity: number) =>
      graphqlRequest(stack.gateway, 'mutation ($input: OrderReplacementInput!) { orderReplacement(input: $input) { id } }', {
        input: { incidentId, partNumber, quantity },
      });
    expect((await order('2215-60001', -1)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await order('9999-00000', 1)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const tracking = (trackingNumber: string, status: string) =>
      graphqlRequest(stack.gateway, 'mutation ($input: RecordTrackingEventInput!) { recordTrackingEvent(input: $input) { status } }', {
        input: { carrier: 'DHL', trackingNumber, status, at: '2026-03-04T09:30:00Z' },
      });
    expect((await tracking('NO-SUCH-PARCEL', 'IN_TRANSIT')).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const { orderReplacement } = await mutate<{ orderReplacement: { id: string } }>(
      'mutation ($input: OrderReplacementInput!) { orderReplacement(input: $input) { id } }',
      {
        incidentId,
        partNumber: '2215-60001',
        quantity: 1,
      },
    );
    await mutate('mutation ($input: ShipOrderInput!) { shipReplacement(input: $input) { id } }', {
      orderId: orderReplacement.id,
      carrier: 'DHL',
      trackingNumber: 'JD014601',
      partSerialNumber: 'PS-0002',
    });
    expect((await tracking('JD014601', 'DELIVERED')).errors?.[0].extensions?.code).toBe('CONFLICT');
    const { replacementOrder } = await graphqlData<{ replacementOrder: { shipment: { status: string; events: unknown[] } } }>(
      stack.gateway,
      'query ($id: ID!) { replacementOrder(id: $id) { shipment { status events { status } } } }',
      { id: orderReplacement.id },
    );
    expect(replacementOrder.shipment).toEqual({ status: 'CREATED', events: [{ status: 'CREATED' }] });
  });
});
