import { randomUUID } from 'node:crypto';
import { createTestDatabase, pendingSchemaChanges, type TestDatabase } from '@polyplus/persistence';
import { devicesSubgraph } from '../devices-subgraph';
import { Device } from './device.entity';
import { DeviceService } from './device.service';
import type { CustomerDirectory } from './customer-directory';

// The customers subgraph is another service: here every site belongs to whoever asks.
const anySite = { assertSiteOfCustomer: async () => undefined } as unknown as CustomerDirectory;

describe('device registry', () => {
  let db: TestDatabase;
  let devices: DeviceService;

  beforeAll(async () => {
    db = await createTestDatabase('devices', devicesSubgraph.database);
    devices = new DeviceService(db.dataSource, anySite);
  });
  afterAll(() => db.drop());

  it('migrations create exactly the schema the entities describe', async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });

  it('a serial number is unique across all customers: a second registration gets CONFLICT', async () => {
    const input = { serialNumber: '8L2201ABCD', productModel: 'G7500', customerId: randomUUID(), siteId: randomUUID() };
    await devices.register(input);
    await expect(devices.register({ ...input, customerId: randomUUID() })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await db.dataSource.getRepository(Device).countBy({ serialNumber: '8L2201ABCD' })).toBe(1);
  });

  it('concurrent registrations of one serial number: exactly one wins', async () => {
    const attempts = Array.from({ length: 10 }, () =>
      devices.register({ serialNumber: 'RACE-0001', productModel: 'CCX 600', customerId: randomUUID(), siteId: randomUUID() }),
    );
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.extensions.code)).toEqual(Array(9).fill('CONFLICT'));
  });
});
