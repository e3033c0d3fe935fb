import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '@polyplus/auth';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { operationData } from '@polyplus/testing';
import { createDevicesSubgraph, devicesSubgraph } from '../devices-subgraph';
import { FakeCustomers } from '../testing/fake-customers';

describe('premium features per device ("Poly Lens Features — select premium features not available for free in Poly Lens")', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  const customers = new FakeCustomers();
  const customerId = randomUUID();
  const siteId = randomUUID();
  const ids: Record<string, string> = {};
  const admin: Principal = { subject: 'admin', role: 'CUSTOMER_ADMIN', customerIds: [customerId] };

  beforeAll(async () => {
    db = await createTestDatabase('devices_premium', devicesSubgraph.database);
    ({ schema } = await createDevicesSubgraph({ sites: customers.directory, coverage: customers.coverage }).build(db.dataSource));
    customers.addSite({ id: siteId, customerId, countryCode: 'GB', subdivision: 'ENG', timeZone: 'Europe/London' });
    for (const serialNumber of ['LENS-PREMIUM', 'LENS-BASIC', 'LENS-LAPSED', 'LENS-RENEWED']) {
      const { registerDevice } = await operationData<{ registerDevice: { id: string } }>(schema, 'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }', {
        input: { serialNumber, productModel: 'Studio X50', customerId, siteId },
      });
      ids[serialNumber] = registerDevice.id;
    }
    customers.cover(ids['LENS-PREMIUM'], { contractId: 'c-premium', start: '2020-01-01', end: '2099-12-31', options: [], premiumFeatures: ['REMOTE_MANAGEMENT', 'ADVANCED_ANALYTICS'] });
    customers.cover(ids['LENS-BASIC'], { contractId: 'c-basic', start: '2020-01-01', end: '2099-12-31', options: [], premiumFeatures: [] });
    customers.cover(ids['LENS-LAPSED'], { contractId: 'c-old', start: '2020-01-01', end: '2021-12-31', options: [], premiumFeatures: ['REMOTE_MANAGEMENT'] });
    // Two contracts cover the device today: the one running longest speaks, as for every entitlement.
    customers.cover(ids['LENS-RENEWED'], { contractId: 'c-expiring', start: '2020-01-01', end: '2098-12-31', options: [], premiumFeatures: ['PROACTIVE_ALERTS'] });
    customers.cover(ids['LENS-RENEWED'], { contractId: 'c-renewal', start: '2020-06-01', end: '2099-12-31', options: [], premiumFeatures: ['FIRMWARE_SCHEDULING', 'PROVISIONING_TEMPLATES'] });
  }, 120_000);
  afterAll(() => db.drop(), 60_000);

  it('each device shows the premium features of its current contract; a lapsed or basic contract shows none', async () => {
    const { devices } = await operationData<{ devices: { serialNumber: string; premiumFeatures: string[]; entitlement: { contractId: string | null; premiumFeatures: string[] } }[] }>(
      schema,
      'query ($customerId: ID!) { devices(customerId: $customerId) { serialNumber premiumFeatures entitlement { contractId premiumFeatures } } }',
      { customerId },
      admin,
    );
    expect(devices.map((device) => [device.serialNumber, device.premiumFeatures, device.entitlement.contractId])).toEqual([
      ['LENS-BASIC', [], 'c-basic'],
      ['LENS-LAPSED', [], null],
      ['LENS-PREMIUM', ['REMOTE_MANAGEMENT', 'ADVANCED_ANALYTICS'], 'c-premium'],
      ['LENS-RENEWED', ['FIRMWARE_SCHEDULING', 'PROVISIONING_TEMPLATES'], 'c-renewal'],
    ]);
    expect(devices.every((device) => JSON.stringify(device.premiumFeatures) === JSON.stringify(device.entitlement.premiumFeatures))).toBe(true);
  });

  it('a device list costs one coverage request to the customers subgraph, premium features included', async () => {
    const before = customers.coverageRequests;
    await operationData(schema, 'query ($customerId: ID!) { devices(customerId: $customerId) { premiumFeatures } }', { customerId }, admin);
    expect(customers.coverageRequests - before).toBe(1);
  });
});
