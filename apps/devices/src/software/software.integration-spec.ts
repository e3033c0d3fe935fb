import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { createDevicesSubgraph, devicesSubgraph } from '../devices-subgraph';
import { FakeCustomers } from '../testing/fake-customers';
import { executeOperation, operationData } from '@polyplus/testing';

describe('software releases and licences', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  const customers = new FakeCustomers();
  const customerId = randomUUID();
  const siteId = randomUUID();
  let productId: string;
  const ids: Record<string, string> = {};

  const run = <T>(query: string, variables: Record<string, unknown> = {}) => operationData<T>(schema, query, variables);
  const publish = (version: string, releasedOn: string) =>
    run('mutation ($input: PublishReleaseInput!) { publishSoftwareRelease(input: $input) { id } }', {
      input: { productId, version, releasedOn },
    });

  beforeAll(async () => {
    db = await createTestDatabase('devices_software', devicesSubgraph.database);
    customers.addSite({ id: siteId, customerId, countryCode: 'US', subdivision: 'TX', timeZone: 'America/Chicago' });
    ({ schema } = await createDevicesSubgraph({
      sites: customers.directory,
      coverage: customers.coverage,
      now: () => new Date('2026-06-15T12:00:00Z'),
    }).build(db.dataSource));
    ({
      createProduct: { id: productId },
    } = await run<{ createProduct: { id: string } }>(
      'mutation { createProduct(input: { model: "Test Bar 9", name: "Test Bar 9 video bar", productType: ROOM, onsiteEligible: true }) { id } }',
    ));
    // Published out of order; 10.0.0 would sort before 9.x as text.
    await publish('9.1.0', '2025-06-01');
    await publish('10.0.0', '2026-03-01');
    await publish('9.2.0', '2025-11-01');
    await publish('10.1.0', '2026-09-01'); // not yet generally available on 2026-06-15
    for (const serial of ['SW-CURRENT', 'SW-BEHIND', 'SW-UNKNOWN']) {
      const { registerDevice } = await run<{ registerDevice: { id: string } }>(
        'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
        {
          input: { serialNumber: serial, productModel: 'Test Bar 9', customerId, siteId },
        },
      );
      ids[serial] = registerDevice.id;
    }
    const report = (deviceId: string, version: string) =>
      run('mutation ($d: ID!, $v: String!) { reportInstalledVersion(deviceId: $d, version: $v) { id } }', { d: deviceId, v: version });
    await report(ids['SW-CURRENT'], '10.0.0');
    await report(ids['SW-BEHIND'], '9.1.0');
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('latest and N−1 downloads only: the two newest generally available versions, by version number', async () => {
    const data = await run<{ softwareDownloads: { version: string }[]; device: { availableDownloads: { version: string }[] } }>(
      'query ($productId: ID!, $deviceId: ID!) { softwareDownloads(productId: $productId) { version } device(id: $deviceId) { availableDownloads { version } } }',
      { productId, deviceId: ids['SW-BEHIND'] },
    );
    expect(data.softwareDownloads.map((r) => r.version)).toEqual(['10.0.0', '9.2.0']);
    expect(data.device.availableDownloads.map((r) => r.version)).toEqual(['10.0.0', '9.2.0']);
  });

  it('a release dated in the future is not generally available yet', async () => {
    const data = await run<{ softwareReleases: { version: string }[] }>(
      'query ($productId: ID!) { softwareReleases(productId: $productId) { version } }',
      { productId },
    );
    expect(data.softwareReleases.map((r) => r.version)).toEqual(['10.0.0', '9.2.0', '9.1.0']);
  });

  it('devices behind lists the customer’s devices reporting a version older than the latest, not current or unreported ones', async () => {
    const data = await run<{
      devicesBehind: { serialNumber: string; installedVersion: string; latestVersion: string; updateRequired: boolean }[];
    }>(
      'query ($customerId: ID!) { devicesBehind(customerId: $customerId) { serialNumber installedVersion latestVersion updateRequired } }',
      { customerId },
    );
    expect(data.devicesBehind).toEqual([
      { serialNumber: 'SW-BEHIND', installedVersion: '9.1.0', latestVersion: '10.0.0', updateRequired: true },
    ]);
  });

  it('a device cannot report a version its product never had: BAD_USER_INPUT naming version', async () => {
    const result = await executeOperation(schema, 'mutation ($d: ID!) { reportInstalledVersion(deviceId: $d, version: "7.7.7") { id } }', {
      d: ids['SW-UNKNOWN'],
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' });
    expect(await db.dataSource.query('SELECT installedVersion FROM device WHERE id = ?', [ids['SW-UNKNOWN']])).toEqual([
      { installedVersion: null },
    ]);
  });

  it('publishing the same version twice is a CONFLICT', async () => {
    const result = await executeOperation(
      schema,
      'mutation ($input: PublishReleaseInput!) { publishSoftwareRelease(input: $input) { id } }',
      {
        input: { productId, version: '9.2.0', releasedOn: '2025-11-02' },
      },
    );
    expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('licences of a registered product are looked up by its serial number', async () => {
    await run('mutation ($input: IssueLicenceInput!) { issueLicence(input: $input) { id } }', {
      input: { deviceId: ids['SW-CURRENT'], feature: 'Poly Lens premium features', expiresOn: '2027-06-30' },
    });
    const data = await run<{
      licencesBySerialNumber: {
        feature: string;
        licenceKey: string;
        issuedOn: string;
        expiresOn: string;
        device: { serialNumber: string };
      }[];
    }>('query { licencesBySerialNumber(serialNumber: " sw-current ") { feature licenceKey issuedOn expiresOn device { serialNumber } } }');
    expect(data.licencesBySerialNumber).toEqual([
      {
        feature: 'Poly Lens premium features',
        licenceKey: expect.stringMatching(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/),
        issuedOn: '2026-06-15',
        expiresOn: '2027-06-30',
        device: { serialNumber: 'SW-CURRENT' },
      },
    ]);
  });

  it('a licence look-up for a serial number nobody registered is NOT_FOUND', async () => {
    const result = await executeOperation(schema, 'query { licencesBySerialNumber(serialNumber: "NOPE-0000") { id } }');
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
