import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { createTestDatabase, pendingSchemaChanges, type TestDatabase } from '@polyplus/persistence';
import { createDevicesSubgraph, devicesSubgraph } from '../devices-subgraph';
import { Device } from './device.entity';
import { DeviceService } from './device.service';
import { ProductService } from '../product/product.service';
import { FakeCustomers } from '../testing/fake-customers';
import { executeOperation, operationData } from '@polyplus/testing';
import { CreateDevices1795533919507 } from '../migrations/1795533919507-create-devices';
import { ProductsCoverageSoftwareLicences1795537268482 } from '../migrations/1795537268482-products-coverage-software-licences';

const REGISTER =
  'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id serialNumber productModel product { productType } } }';
const REGISTER_MANY =
  'mutation ($input: RegisterDevicesInput!) { registerDevices(input: $input) { registeredCount devices { serialNumber productModel } } }';
const IMPORT =
  'mutation ($input: ImportSerialListInput!) { importSerialList(input: $input) { registeredCount devices { serialNumber productModel registrationChannel } } }';

describe('device registry', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let devices: DeviceService;
  const customers = new FakeCustomers();
  const customerId = randomUUID();
  const siteId = randomUUID();
  const otherCustomerId = randomUUID();
  const otherSiteId = randomUUID();
  const count = (where: { serialNumber?: string } = {}) => db.dataSource.getRepository(Device).countBy(where);

  beforeAll(async () => {
    db = await createTestDatabase('devices_registry', devicesSubgraph.database);
    customers.addSite({ id: siteId, customerId, countryCode: 'GB', subdivision: 'ENG', timeZone: 'Europe/London' });
    customers.addSite({ id: otherSiteId, customerId: otherCustomerId, countryCode: 'DE', subdivision: null, timeZone: 'Europe/Berlin' });
    ({ schema } = await createDevicesSubgraph({ sites: customers.directory, coverage: customers.coverage }).build(db.dataSource));
    devices = new DeviceService(db.dataSource, customers.directory, new ProductService(db.dataSource));
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('migrations create exactly the schema the entities describe', async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });

  it('devices registered before the catalog existed keep their model when the catalog migration runs', async () => {
    const old = await createTestDatabase('devices_upgrade', { entities: [], migrations: [CreateDevices1795533919507] });
    try {
      await old.dataSource.query(
        "INSERT INTO device (id, serialNumber, productModel, customerId, siteId) VALUES (?, 'OLD-0001', 'G7500', ?, ?), (?, 'OLD-0002', 'RealPresence Trio 8800', ?, ?)",
        [randomUUID(), customerId, siteId, randomUUID(), customerId, siteId],
      );
      const runner = old.dataSource.createQueryRunner();
      await new ProductsCoverageSoftwareLicences1795537268482().up(runner);
      await runner.release();
      const rows = await old.dataSource.query(
        'SELECT d.serialNumber, p.model, p.productType FROM device d JOIN product p ON p.id = d.productId ORDER BY d.serialNumber',
      );
      expect(rows).toEqual([
        { serialNumber: 'OLD-0001', model: 'G7500', productType: 'ROOM' },
        { serialNumber: 'OLD-0002', model: 'RealPresence Trio 8800', productType: 'ROOM' },
      ]);
    } finally {
      await old.drop();
    }
  });

  it('a device is registered against a catalog product and answers with its model and type', async () => {
    const data = await operationData<{ registerDevice: { serialNumber: string; productModel: string; product: { productType: string } } }>(
      schema,
      REGISTER,
      {
        input: { serialNumber: 'CAT-0001', productModel: 'Voyager Focus 2', customerId, siteId },
      },
    );
    expect(data.registerDevice).toMatchObject({
      serialNumber: 'CAT-0001',
      productModel: 'Voyager Focus 2',
      product: { productType: 'PERSONAL' },
    });
  });

  it('a serial number is unique across all customers: a second registration gets CONFLICT', async () => {
    const input = { serialNumber: '8L2201ABCD', productModel: 'G7500', customerId, siteId };
    await devices.register(input);
    await expect(devices.register({ ...input, customerId: otherCustomerId, siteId: otherSiteId })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(await count({ serialNumber: '8L2201ABCD' })).toBe(1);
  });

  it('concurrent registrations of one serial number: exactly one wins', async () => {
    const attempts = Array.from({ length: 10 }, () =>
      devices.register({ serialNumber: 'RACE-0001', productModel: 'CCX 600', customerId, siteId }),
    );
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.extensions.code)).toEqual(
      Array(9).fill('CONFLICT'),
    );
  });

  it('a malformed serial number is BAD_USER_INPUT naming serialNumber, and nothing is written', async () => {
    const before = await count();
    const result = await executeOperation(schema, REGISTER, {
      input: { serialNumber: 'ab 12', productModel: 'G7500', customerId, siteId },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'serialNumber' }] });
    expect(await count()).toBe(before);
  });

  it('an unknown product is BAD_USER_INPUT naming productModel, and nothing is written', async () => {
    const before = await count();
    const result = await executeOperation(schema, REGISTER, {
      input: { serialNumber: 'UNKNOWN-01', productModel: 'Telex 3000', customerId, siteId },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'productModel' });
    expect(await count({ serialNumber: 'UNKNOWN-01' })).toBe(0);
    expect(await count()).toBe(before);
  });

  it('bulk registration registers every row in one mutation', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      serialNumber: `BULK-${String(i).padStart(5, '0')}`,
      productModel: i % 2 ? 'Studio X50' : 'Sync 60',
    }));
    const data = await operationData<{ registerDevices: { registeredCount: number } }>(schema, REGISTER_MANY, {
      input: { customerId, siteId, devices: rows },
    });
    expect(data.registerDevices.registeredCount).toBe(1200);
    expect(await db.dataSource.query("SELECT COUNT(*) AS n FROM device WHERE serialNumber LIKE 'BULK-%'")).toEqual([{ n: '1200' }]);
  });

  it('bulk registration rolls back entirely when one row is bad and reports which', async () => {
    const before = await count();
    const rows = [
      { serialNumber: 'ROLL-0001', productModel: 'G7500' },
      { serialNumber: 'ROLL-0002', productModel: 'Telex 3000' },
      { serialNumber: 'roll 3', productModel: 'G7500' },
      { serialNumber: 'ROLL-0001', productModel: 'G7500' },
      { serialNumber: '8L2201ABCD', productModel: 'G7500' },
      { serialNumber: 'ROLL-0006', productModel: 'Studio X50' },
    ];
    const result = await executeOperation(schema, REGISTER_MANY, { input: { customerId, siteId, devices: rows } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      (result.errors?.[0].extensions?.rows as { row: number; field: string; problem: string }[]).map(({ row, field, problem }) => ({
        row,
        field,
        problem,
      })),
    ).toEqual([
      { row: 2, field: 'productModel', problem: 'UNKNOWN_PRODUCT' },
      { row: 3, field: 'serialNumber', problem: 'INVALID_SERIAL_NUMBER' },
      { row: 4, field: 'serialNumber', problem: 'DUPLICATE_IN_REQUEST' },
      { row: 5, field: 'serialNumber', problem: 'ALREADY_REGISTERED' },
    ]);
    expect(await count()).toBe(before);
    expect(await count({ serialNumber: 'ROLL-0006' })).toBe(0);
  });

  it('a batch whose only problem is serials registered elsewhere is a CONFLICT naming those rows', async () => {
    const result = await executeOperation(schema, REGISTER_MANY, {
      input: {
        customerId: otherCustomerId,
        siteId: otherSiteId,
        devices: [
          { serialNumber: 'NEW-00001', productModel: 'G7500' },
          { serialNumber: 'CAT-0001', productModel: 'Voyager Focus 2' },
        ],
      },
    });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      rows: [{ row: 2, serialNumber: 'CAT-0001', problem: 'ALREADY_REGISTERED' }],
    });
    expect(await count({ serialNumber: 'NEW-00001' })).toBe(0);
  });

  it('a serial list sent by email is imported: case and spaces normalised, header and blanks skipped', async () => {
    const lines = ['Serial,Model', ' mail-0001 , G7500', '', 'MAIL-0002;Trio C60', '# from the Leeds office', 'MAIL-0003\tCCX 600'];
    const data = await operationData<{
      importSerialList: { registeredCount: number; devices: { serialNumber: string; registrationChannel: string }[] };
    }>(schema, IMPORT, {
      input: { customerId, siteId, lines },
    });
    expect(data.importSerialList.devices.map((d) => [d.serialNumber, d.registrationChannel])).toEqual([
      ['MAIL-0001', 'SERIAL_LIST_IMPORT'],
      ['MAIL-0002', 'SERIAL_LIST_IMPORT'],
      ['MAIL-0003', 'SERIAL_LIST_IMPORT'],
    ]);
  });

  it('an imported list with an unreadable line registers nothing and names the line', async () => {
    const result = await executeOperation(schema, IMPORT, { input: { customerId, siteId, lines: ['MAIL-0010,G7500', 'MAIL-0011 G7500'] } });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rows: [{ row: 2, field: 'line', problem: 'UNREADABLE_LINE' }],
    });
    expect(await count({ serialNumber: 'MAIL-0010' })).toBe(0);
  });

  it('a site of another customer is refused and nothing is written', async () => {
    const result = await executeOperation(schema, REGISTER, {
      input: { serialNumber: 'WRONG-SITE1', productModel: 'G7500', customerId, siteId: otherSiteId },
    });
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await count({ serialNumber: 'WRONG-SITE1' })).toBe(0);
  });
});
