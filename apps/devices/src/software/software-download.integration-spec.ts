import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '@polyplus/auth';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { executeOperation, operationData, TEST_SUPPORT_ENGINEER } from '@polyplus/testing';
import { createDevicesSubgraph, devicesSubgraph } from '../devices-subgraph';
import { FakeCustomers } from '../testing/fake-customers';

const DOWNLOAD =
  'mutation ($releaseId: ID!, $deviceId: ID) { downloadSoftwareRelease(releaseId: $releaseId, deviceId: $deviceId) { id version url downloadedBy downloadedAt customerId deviceId device { serialNumber } release { version } } }';
const RECORDS =
  'query ($productId: ID, $customerId: ID, $first: Int) { softwareDownloadRecords(productId: $productId, customerId: $customerId, first: $first) { version downloadedBy customerId device { serialNumber } } }';

type Download = {
  id: string;
  version: string;
  url: string;
  downloadedBy: string;
  downloadedAt: string;
  customerId: string | null;
  deviceId: string | null;
  device: { serialNumber: string } | null;
};

describe('software downloads ("Download the latest Poly Endpoint Software that is available for the current release and the latest version minus one")', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  const customers = new FakeCustomers();
  let clock = new Date('2026-06-15T12:00:00Z');
  const tenants = { covered: randomUUID(), lapsed: randomUUID(), otherProduct: randomUUID() };
  const releases: Record<string, string> = {};
  const devices: Record<string, string> = {};
  let productId: string;
  let otherProductId: string;

  const admin = (customerId: string): Principal => ({
    subject: `admin-${customerId.slice(0, 8)}`,
    role: 'CUSTOMER_ADMIN',
    customerIds: [customerId],
  });
  const technician: Principal = { subject: 'tech-1', role: 'CUSTOMER_TECHNICIAN', customerIds: [tenants.covered], contactId: 'contact-1' };
  const records = async () => Number((await db.dataSource.query('SELECT COUNT(*) AS n FROM software_download'))[0].n);
  const download = (principal: Principal, release: string, deviceId?: string) =>
    executeOperation<{ downloadSoftwareRelease: Download }>(
      schema,
      DOWNLOAD,
      { releaseId: releases[release] ?? release, deviceId },
      principal,
    );
  const refusal = async (principal: Principal, release: string, deviceId?: string) => {
    const before = await records();
    const result = await download(principal, release, deviceId);
    expect(await records()).toBe(before);
    return result.errors?.[0].extensions;
  };

  beforeAll(async () => {
    db = await createTestDatabase('devices_downloads', devicesSubgraph.database);
    ({ schema } = await createDevicesSubgraph({ sites: customers.directory, coverage: customers.coverage, now: () => clock }).build(
      db.dataSource,
    ));
    const product = async (model: string) =>
      (
        await operationData<{ createProduct: { id: string } }>(
          schema,
          'mutation ($model: String!) { createProduct(input: { model: $model, name: $model, productType: ROOM, onsiteEligible: false }) { id } }',
          { model },
        )
      ).createProduct.id;
    productId = await product('Test Bar 9');
    otherProductId = await product('Test Phone 2');
    const publish = async (
      product: string,
      version: string,
      releasedOn: string,
      downloadUrl: string | null = `https://downloads.poly.com/test-bar-9/${version}.tar`,
    ) => {
      const { publishSoftwareRelease } = await operationData<{ publishSoftwareRelease: { id: string } }>(
        schema,
        'mutation ($input: PublishReleaseInput!) { publishSoftwareRelease(input: $input) { id } }',
        {
          input: { productId: product, version, releasedOn, downloadUrl },
        },
      );
      releases[version] = publishSoftwareRelease.id;
    };
    await publish(productId, '9.1.0', '2025-06-01');
    await publish(productId, '10.0.0', '2026-03-01');
    await publish(productId, '9.2.0', '2025-11-01');
    await publish(productId, '10.1.0', '2026-09-01'); // not generally available on 2026-06-15
    await publish(otherProductId, '2.0.0', '2026-01-10', null);
    const register = async (customerId: string, serialNumber: string, productModel: string, term: [string, string]) => {
      const siteId = randomUUID();
      customers.addSite({ id: siteId, customerId, countryCode: 'GB', subdivision: 'ENG', timeZone: 'Europe/London' });
      const { registerDevice } = await operationData<{ registerDevice: { id: string } }>(
        schema,
        'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
        {
          input: { serialNumber, productModel, customerId, siteId },
        },
      );
      customers.cover(registerDevice.id, { contractId: `contract-${serialNumber}`, start: term[0], end: term[1], options: [] });
      devices[serialNumber] = registerDevice.id;
    };
    await register(tenants.covered, 'DL-COVERED-1', 'Test Bar 9', ['2026-01-01', '2026-12-31']);
    await register(tenants.covered, 'DL-PHONE-1', 'Test Phone 2', ['2026-01-01', '2026-12-31']);
    await register(tenants.lapsed, 'DL-LAPSED-1', 'Test Bar 9', ['2024-01-01', '2025-12-31']);
    await register(tenants.otherProduct, 'DL-OTHER-1', 'Test Phone 2', ['2026-01-01', '2026-12-31']);
  }, 120_000);
  afterAll(() => db.drop(), 60_000);

  it('the latest release and the latest minus one are downloaded and recorded: who (the verified caller), what, when, for which device, with the link', async () => {
    const latest = await download(admin(tenants.covered), '10.0.0');
    expect(latest.errors).toBeUndefined();
    expect(latest.data?.downloadSoftwareRelease).toMatchObject({
      version: '10.0.0',
      url: 'https://downloads.poly.com/test-bar-9/10.0.0.tar',
      downloadedBy: `CUSTOMER_ADMIN:admin-${tenants.covered.slice(0, 8)}`,
      downloadedAt: '2026-06-15T12:00:00.000Z',
      customerId: tenants.covered,
      device: { serialNumber: 'DL-COVERED-1' },
    });
    clock = new Date('2026-06-15T12:05:00Z');
    const previous = await download(technician, '9.2.0', devices['DL-COVERED-1']);
    expect(previous.data?.downloadSoftwareRelease).toMatchObject({
      version: '9.2.0',
      downloadedBy: 'CUSTOMER_TECHNICIAN:tech-1',
      deviceId: devices['DL-COVERED-1'],
    });
    const { softwareDownloadRecords } = await operationData<{ softwareDownloadRecords: unknown[] }>(schema, RECORDS, { productId });
    expect(softwareDownloadRecords).toEqual([
      {
        version: '9.2.0',
        downloadedBy: 'CUSTOMER_TECHNICIAN:tech-1',
        customerId: tenants.covered,
        device: { serialNumber: 'DL-COVERED-1' },
      },
      {
        version: '10.0.0',
        downloadedBy: `CUSTOMER_ADMIN:admin-${tenants.covered.slice(0, 8)}`,
        customerId: tenants.covered,
        device: { serialNumber: 'DL-COVERED-1' },
      },
    ]);
  });

  it('a release older than the latest minus one is FORBIDDEN with reason OLDER_THAN_LATEST_MINUS_ONE, and nothing is recorded', async () => {
    expect(await refusal(admin(tenants.covered), '9.1.0')).toMatchObject({ code: 'FORBIDDEN', reason: 'OLDER_THAN_LATEST_MINUS_ONE' });
    expect(await refusal(TEST_SUPPORT_ENGINEER, '9.1.0')).toMatchObject({ code: 'FORBIDDEN', reason: 'OLDER_THAN_LATEST_MINUS_ONE' });
  });

  it('a release not yet generally available is FORBIDDEN with reason NOT_GENERALLY_AVAILABLE', async () => {
    expect(await refusal(admin(tenants.covered), '10.1.0')).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_GENERALLY_AVAILABLE' });
  });

  it('only for a product the customer owns under a current contract: a lapsed contract or no device of the product is FORBIDDEN, nothing recorded', async () => {
    expect(await refusal(admin(tenants.lapsed), '10.0.0')).toMatchObject({ code: 'FORBIDDEN', reason: 'PRODUCT_NOT_UNDER_CONTRACT' });
    expect(await refusal(admin(tenants.lapsed), '10.0.0', devices['DL-LAPSED-1'])).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'DEVICE_NOT_COVERED',
    });
    expect(await refusal(admin(tenants.otherProduct), '10.0.0')).toMatchObject({ code: 'FORBIDDEN', reason: 'PRODUCT_NOT_UNDER_CONTRACT' });
  });

  it('another customer’s device answers as an unknown one; a device of another product is BAD_USER_INPUT naming deviceId', async () => {
    expect(await refusal(admin(tenants.otherProduct), '10.0.0', devices['DL-COVERED-1'])).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(admin(tenants.covered), '10.0.0', devices['DL-PHONE-1'])).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'deviceId',
    });
    expect(await refusal(admin(tenants.covered), randomUUID())).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a release without a published link is NOT_FOUND, nothing recorded', async () => {
    expect(await refusal(admin(tenants.otherProduct), '2.0.0')).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('vendor staff may download for themselves (no customer recorded) and alone list the records; customers never read a release’s link directly', async () => {
    const staff = await download(TEST_SUPPORT_ENGINEER, '10.0.0');
    expect(staff.data?.downloadSoftwareRelease).toMatchObject({
      customerId: null,
      deviceId: null,
      downloadedBy: 'SUPPORT_ENGINEER:test-engineer',
    });
    const listed = await executeOperation(schema, RECORDS, {}, admin(tenants.covered));
    expect(listed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const link = await executeOperation(
      schema,
      'query ($p: ID!) { softwareDownloads(productId: $p) { version downloadUrl } }',
      { p: productId },
      admin(tenants.covered),
    );
    expect(link.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { softwareDownloads } = await operationData<{ softwareDownloads: { downloadUrl: string }[] }>(
      schema,
      'query ($p: ID!) { softwareDownloads(productId: $p) { downloadUrl } }',
      { p: productId },
    );
    expect(softwareDownloads.map((release) => release.downloadUrl)).toEqual([
      'https://downloads.poly.com/test-bar-9/10.0.0.tar',
      'https://downloads.poly.com/test-bar-9/9.2.0.tar',
    ]);
  });

  it.each([
    ['a plain http link', 'http://downloads.poly.com/x.tar'],
    ['a link to an IP address', 'https://192.0.2.10/x.tar'],
    ['a link of 2,001 characters', `https://downloads.poly.com/${'x'.repeat(2000)}`],
  ])('publishing a release with %s is BAD_USER_INPUT naming downloadUrl, and nothing is written', async (_case, downloadUrl) => {
    const before = await db.dataSource.query('SELECT COUNT(*) AS n FROM software_release');
    const result = await executeOperation(
      schema,
      'mutation ($input: PublishReleaseInput!) { publishSoftwareRelease(input: $input) { id } }',
      {
        input: { productId, version: '11.0.0', releasedOn: '2026-06-01', downloadUrl },
      },
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'downloadUrl' }] });
    expect(await db.dataSource.query('SELECT COUNT(*) AS n FROM software_release')).toEqual(before);
  });

  it('the records list is bounded: first must be 1 to 500', async () => {
    for (const first of [0, 501])
      expect((await executeOperation(schema, RECORDS, { first })).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
  });
});
