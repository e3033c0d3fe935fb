import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { createDevicesSubgraph, devicesSubgraph } from '../devices-subgraph';
import { FakeCustomers } from '../testing/fake-customers';
import { executeOperation, operationData } from '@polyplus/testing';

const ENTITLEMENT = `query ($deviceId: ID!, $at: DateTimeISO!) { deviceEntitlement(deviceId: $deviceId, at: $at) {
  covered contractId options purchasedOptions personalDevice advanceReplacementAllowed continuousCoverageSince coveredUntil } }`;

type Entitlement = {
  covered: boolean;
  contractId: string | null;
  options: string[];
  purchasedOptions: string[];
  personalDevice: boolean;
  advanceReplacementAllowed: boolean;
  continuousCoverageSince: string | null;
  coveredUntil: string | null;
};

describe('device coverage and entitlement', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  const customers = new FakeCustomers();
  const customerId = randomUUID();
  const london = randomUUID();
  const anchorage = randomUUID();
  const zurich = randomUUID();
  let serial = 0;

  async function device(productModel: string, siteId = london): Promise<string> {
    const data = await operationData<{ registerDevice: { id: string } }>(schema, 'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }', {
      input: { serialNumber: `COV-${String(++serial).padStart(4, '0')}`, productModel, customerId, siteId },
    });
    return data.registerDevice.id;
  }

  async function entitlement(deviceId: string, at: string): Promise<Entitlement> {
    return (await operationData<{ deviceEntitlement: Entitlement }>(schema, ENTITLEMENT, { deviceId, at })).deviceEntitlement;
  }

  const setRule = (input: Record<string, unknown>) =>
    operationData(schema, 'mutation ($input: SetOnsiteAvailabilityInput!) { setOnsiteAvailability(input: $input) { id } }', { input });

  beforeAll(async () => {
    db = await createTestDatabase('devices_coverage', devicesSubgraph.database);
    customers.addSite({ id: london, customerId, countryCode: 'GB', subdivision: 'ENG', timeZone: 'Europe/London' });
    customers.addSite({ id: anchorage, customerId, countryCode: 'US', subdivision: 'AK', timeZone: 'America/Anchorage' });
    customers.addSite({ id: zurich, customerId, countryCode: 'CH', subdivision: 'ZH', timeZone: 'Europe/Zurich' });
    ({ schema } = await createDevicesSubgraph({ sites: customers.directory, coverage: customers.coverage }).build(db.dataSource));
    await setRule({ countryCode: 'GB', productType: 'ROOM', available: true });
    await setRule({ countryCode: 'US', productType: 'ROOM', available: true });
    await setRule({ countryCode: 'US', subdivision: 'AK', productType: 'ROOM', available: false });
    await setRule({ countryCode: 'GB', productType: 'PERSONAL', available: true });
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('a device is covered on the days of its contract term and not the day after', async () => {
    const id = await device('G7500');
    customers.cover(id, { contractId: 'c-term', start: '2025-01-01', end: '2025-12-31', options: [] });
    expect(await entitlement(id, '2025-12-31T20:00:00Z')).toMatchObject({ covered: true, contractId: 'c-term', coveredUntil: '2025-12-31' });
    expect(await entitlement(id, '2026-01-01T09:00:00Z')).toMatchObject({ covered: false, contractId: null, options: [], advanceReplacementAllowed: false });
  });

  it('the contract day is the site’s local day: 23:30 UTC on the last day is already the next day in Zurich', async () => {
    const id = await device('G7500', zurich);
    customers.cover(id, { contractId: 'c-zurich', start: '2025-01-01', end: '2025-06-30', options: [] });
    expect((await entitlement(id, '2025-06-30T21:00:00Z')).covered).toBe(true);
    expect((await entitlement(id, '2025-06-30T23:30:00Z')).covered).toBe(false);
  });

  it('coverage lapses detected: a gap of one day breaks continuity and ends a personal device’s advance replacement', async () => {
    const gap = await device('Voyager Focus 2');
    customers.cover(gap, { contractId: 'c-first', start: '2023-01-01', end: '2023-12-30', options: [] });
    customers.cover(gap, { contractId: 'c-renewal', start: '2024-01-01', end: '2024-12-31', options: [] });
    expect(await entitlement(gap, '2024-03-01T12:00:00Z')).toMatchObject({
      covered: true,
      contractId: 'c-renewal',
      personalDevice: true,
      continuousCoverageSince: '2024-01-01',
      advanceReplacementAllowed: false,
    });

    const backToBack = await device('Voyager Focus 2');
    customers.cover(backToBack, { contractId: 'c-first-2', start: '2023-01-01', end: '2023-12-31', options: [] });
    customers.cover(backToBack, { contractId: 'c-renewal-2', start: '2024-01-01', end: '2024-12-31', options: [] });
    expect(await entitlement(backToBack, '2024-03-01T12:00:00Z')).toMatchObject({ continuousCoverageSince: '2023-01-01', advanceReplacementAllowed: true });
  });

  it('a personal device loses advance replacement after 3 years of continuous coverage; a room system keeps it', async () => {
    const personal = await device('Sync 60');
    const room = await device('Studio X50');
    for (const id of [personal, room]) customers.cover(id, { contractId: `c-long-${id}`, start: '2021-01-01', end: '2026-12-31', options: [] });
    expect((await entitlement(personal, '2023-12-31T12:00:00Z')).advanceReplacementAllowed).toBe(true);
    expect((await entitlement(personal, '2024-01-01T12:00:00Z')).advanceReplacementAllowed).toBe(false);
    expect(await entitlement(room, '2024-01-01T12:00:00Z')).toMatchObject({ personalDevice: false, advanceReplacementAllowed: true });
  });

  it('onsite option respected: only when bought, the product is onsite-eligible and the rule table allows the site’s place and product type', async () => {
    const at = '2025-03-03T10:00:00Z';
    const withOnsite = { start: '2025-01-01', end: '2025-12-31', options: ['ONSITE'] };
    const roomInLondon = await device('G7500');
    const roomInAnchorage = await device('G7500', anchorage);
    const roomInZurich = await device('G7500', zurich);
    const headsetInLondon = await device('Voyager Focus 2');
    const withoutOption = await device('G7500');
    for (const id of [roomInLondon, roomInAnchorage, roomInZurich, headsetInLondon]) customers.cover(id, { contractId: `c-${id}`, ...withOnsite });
    customers.cover(withoutOption, { contractId: 'c-basic', start: '2025-01-01', end: '2025-12-31', options: [] });

    expect(await entitlement(roomInLondon, at)).toMatchObject({ options: ['ONSITE'], purchasedOptions: ['ONSITE'] });
    // US rule is country-wide yes, but Alaska has its own no.
    expect(await entitlement(roomInAnchorage, at)).toMatchObject({ options: [], purchasedOptions: ['ONSITE'] });
    // No rule for Switzerland at all.
    expect(await entitlement(roomInZurich, at)).toMatchObject({ options: [], purchasedOptions: ['ONSITE'] });
    // The rule allows PERSONAL in GB, but the headset is not an onsite-eligible product.
    expect(await entitlement(headsetInLondon, at)).toMatchObject({ options: [], purchasedOptions: ['ONSITE'] });
    expect(await entitlement(withoutOption, at)).toMatchObject({ covered: true, options: [], purchasedOptions: [] });
  });

  it('changing the rule table changes onsite availability without code: a later rule replaces the earlier one', async () => {
    const id = await device('Studio X30', zurich);
    customers.cover(id, { contractId: 'c-zurich-onsite', start: '2025-01-01', end: '2025-12-31', options: ['ONSITE'] });
    expect((await entitlement(id, '2025-05-05T10:00:00Z')).options).toEqual([]);
    await setRule({ countryCode: 'CH', productType: 'ROOM', available: true });
    expect((await entitlement(id, '2025-05-05T10:00:00Z')).options).toEqual(['ONSITE']);
    await setRule({ countryCode: 'CH', productType: 'ROOM', available: false });
    expect((await entitlement(id, '2025-05-05T10:00:00Z')).options).toEqual([]);
    expect(await db.dataSource.query("SELECT COUNT(*) AS n FROM onsite_availability_rule WHERE countryCode = 'CH'")).toEqual([{ n: '1' }]);
  });

  it('an unknown device id is NOT_FOUND', async () => {
    const result = await executeOperation(schema, ENTITLEMENT, { deviceId: randomUUID(), at: '2025-01-01T00:00:00Z' });
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a customer’s device list with entitlements costs one request to the customers subgraph', async () => {
    const before = customers.coverageRequests;
    const data = await operationData<{ devices: { entitlement: { covered: boolean } }[] }>(
      schema,
      'query ($customerId: ID!) { devices(customerId: $customerId) { serialNumber entitlement(at: "2025-03-03T10:00:00Z") { covered options } } }',
      { customerId },
    );
    expect(data.devices.length).toBeGreaterThan(5);
    expect(customers.coverageRequests - before).toBe(1);
  });
});
