import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { executeOperation, operationData, expectRefusedInput, type BoundsCase } from '@polyplus/testing';
import { createDevicesSubgraph, devicesSubgraph } from './devices-subgraph';
import { FakeCustomers } from './testing/fake-customers';

const CREATE_PRODUCT = 'mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }';
const REGISTER = 'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }';
const REGISTER_MANY = 'mutation ($input: RegisterDevicesInput!) { registerDevices(input: $input) { registeredCount } }';
const IMPORT = 'mutation ($input: ImportSerialListInput!) { importSerialList(input: $input) { registeredCount } }';
const PUBLISH = 'mutation ($input: PublishReleaseInput!) { publishSoftwareRelease(input: $input) { id version } }';
const ISSUE_LICENCE = 'mutation ($input: IssueLicenceInput!) { issueLicence(input: $input) { id } }';
const SET_ONSITE = 'mutation ($input: SetOnsiteAvailabilityInput!) { setOnsiteAvailability(input: $input) { id } }';

const TABLES = ['product', 'device', 'software_release', 'licence', 'onsite_availability_rule'];

describe('device inputs are bounded by their columns and the domain', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let productId: string;
  let deviceId: string;
  const customers = new FakeCustomers();
  const customerId = randomUUID();
  const siteId = randomUUID();

  const release = (overrides: Record<string, unknown> = {}) => ({ productId, version: '4.1.3', releasedOn: '2026-03-01', ...overrides });
  const licence = (overrides: Record<string, unknown> = {}) => ({
    deviceId,
    feature: 'Poly Lens premium features',
    expiresOn: '2027-01-31',
    ...overrides,
  });
  const rows = (devices: Record<string, unknown>[]) => ({ customerId, siteId, devices });

  const expectRefused = (mutation: string, input: Record<string, unknown>, field: string) =>
    expectRefusedInput({ schema, dataSource: db.dataSource, tables: TABLES }, mutation, { input }, field);

  beforeAll(async () => {
    db = await createTestDatabase('devices_bounds', devicesSubgraph.database);
    customers.addSite({ id: siteId, customerId, countryCode: 'GB', subdivision: 'ENG', timeZone: 'Europe/London' });
    ({ schema } = await createDevicesSubgraph({
      sites: customers.directory,
      coverage: customers.coverage,
      now: () => new Date('2026-06-15T12:00:00Z'),
    }).build(db.dataSource));
    productId = (
      await operationData<{ createProduct: { id: string } }>(schema, CREATE_PRODUCT, {
        input: { model: 'Bounds Bar', name: 'Bounds Bar video bar', productType: 'ROOM' },
      })
    ).createProduct.id;
    deviceId = (
      await operationData<{ registerDevice: { id: string } }>(schema, REGISTER, {
        input: { serialNumber: 'BOUNDS-0001', productModel: 'Bounds Bar', customerId, siteId },
      })
    ).registerDevice.id;
  }, 120_000);
  afterAll(() => db.drop(), 60_000);

  // Each of these passed validation, then failed in the database (a masked "Internal server error") or stored a blank value.
  const passedValidation: BoundsCase[] = [
    ['a release dated 30 February is refused', PUBLISH, () => release({ releasedOn: '2026-02-30' }), 'releasedOn'],
    ['a release dated in month 13 is refused', PUBLISH, () => release({ releasedOn: '2026-13-01' }), 'releasedOn'],
    [
      'a release version longer than its 32-character column is refused',
      PUBLISH,
      () => release({ version: '123456.123456789.123456789.123456789.123456789' }),
      'version',
    ],
    ['a licence expiring on 30 February is refused', ISSUE_LICENCE, () => licence({ expiresOn: '2027-02-30' }), 'expiresOn'],
    ['a licence expiring in month 13 is refused', ISSUE_LICENCE, () => licence({ expiresOn: '2026-13-01' }), 'expiresOn'],
    ['a licence feature of spaces is refused', ISSUE_LICENCE, () => licence({ feature: '   ' }), 'feature'],
    ['a product model of spaces is refused', CREATE_PRODUCT, () => ({ model: '   ', name: 'Blank', productType: 'ROOM' }), 'model'],
  ];

  it.each(passedValidation)('%s, as BAD_USER_INPUT naming the field, and nothing is written', async (_rule, mutation, input, field) => {
    await expectRefused(mutation, input(), field);
  });

  // A representative over-long, out-of-range or impossible value for every devices input type.
  const everyInputType: BoundsCase[] = [
    [
      'a product name longer than 200 characters',
      CREATE_PRODUCT,
      () => ({ model: 'Long Name', name: 'n'.repeat(201), productType: 'ROOM' }),
      'name',
    ],
    [
      'a device serial number of 10,000 characters',
      REGISTER,
      () => ({ serialNumber: 'S'.repeat(10_000), productModel: 'Bounds Bar', customerId, siteId }),
      'serialNumber',
    ],
    [
      'a bulk row serial number of 10,000 characters (nested rows are validated)',
      REGISTER_MANY,
      () => rows([{ serialNumber: 'S'.repeat(10_000), productModel: 'Bounds Bar' }]),
      'devices.0.serialNumber',
    ],
    [
      'a bulk row product model of 10,000 characters',
      REGISTER_MANY,
      () => rows([{ serialNumber: 'BOUNDS-0002', productModel: 'M'.repeat(10_000) }]),
      'devices.0.productModel',
    ],
    [
      'an imported serial list line of 10,000 characters',
      IMPORT,
      () => ({ customerId, siteId, lines: [`BOUNDS-0003,${'M'.repeat(10_000)}`] }),
      'lines',
    ],
    ['a release dated in year 0000', PUBLISH, () => release({ releasedOn: '0000-01-01' }), 'releasedOn'],
    ['a licence feature longer than 100 characters', ISSUE_LICENCE, () => licence({ feature: 'f'.repeat(101) }), 'feature'],
    [
      'an onsite rule subdivision longer than 3 characters',
      SET_ONSITE,
      () => ({ countryCode: 'GB', subdivision: 'ENGLAND', productType: 'ROOM', available: true }),
      'subdivision',
    ],
  ];

  it.each(everyInputType)('%s is BAD_USER_INPUT naming the field, and nothing is written', async (_rule, mutation, input, field) => {
    await expectRefused(mutation, input(), field);
  });

  it('the most the bounds allow is stored: a 32-character version, a release on 29 February of a leap year, a 100-character feature', async () => {
    const version = '123456.123456789.123456789.12345';
    expect(version).toHaveLength(32);
    const published = await executeOperation<{ publishSoftwareRelease: { version: string } }>(schema, PUBLISH, {
      input: release({ version, releasedOn: '2028-02-29' }),
    });
    expect(published.data?.publishSoftwareRelease.version).toBe(version);
    const issued = await executeOperation(schema, ISSUE_LICENCE, { input: licence({ feature: 'é'.repeat(100), expiresOn: '2999-12-31' }) });
    expect(issued.errors).toBeUndefined();
  });

  it('a bulk row with a bad but short serial is still reported by row, not refused as a field', async () => {
    const result = await executeOperation(schema, REGISTER_MANY, {
      input: rows([{ serialNumber: 'bad serial', productModel: 'Bounds Bar' }]),
    });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rows: [{ row: 1, field: 'serialNumber', problem: 'INVALID_SERIAL_NUMBER' }],
    });
  });

  it('an entitlement asked for at an instant in year 0000 is BAD_USER_INPUT naming at', async () => {
    const result = await executeOperation(
      schema,
      'query ($d: ID!, $at: DateTimeISO!) { deviceEntitlement(deviceId: $d, at: $at) { covered } }',
      { d: deviceId, at: '0000-01-01T00:00:00Z' },
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'at' }] });
  });
});
