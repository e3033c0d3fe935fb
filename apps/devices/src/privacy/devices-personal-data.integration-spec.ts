import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { collectExport, inProcessClient, personalDataPeer, type PersonalDataPeer, pseudonymsFor } from '@polyplus/privacy';
import { operationData, staffPersonalDataPeer, unclassifiedEntityTables } from '@polyplus/testing';
import { createDevicesSubgraph, devicesSubgraph } from '../devices-subgraph';
import { FakeCustomers } from '../testing/fake-customers';
import { SoftwareDownload } from '../software/software-download.entity';
import { DEVICES_PERSONAL_DATA } from './devices-personal-data';

describe('personal data in the devices service: export and erasure', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let peer: PersonalDataPeer;
  const customers = new FakeCustomers();
  const fabrikam = randomUUID();
  const contoso = randomUUID();
  const ana = { contactId: randomUUID(), email: 'ana.kowalski@fabrikam.example', name: 'Ana Kowalski' };
  const ben = { contactId: randomUUID(), email: 'ben.okafor@fabrikam.example' };
  const anaErased = pseudonymsFor(ana.contactId);
  let releaseId: string;
  let productId: string;
  const devices: Record<string, string> = {};

  const downloads = () => db.dataSource.getRepository(SoftwareDownload).find({ order: { downloadedAt: 'ASC' } });
  const download = (customerId: string, downloadedBy: string, minute: number) =>
    db.dataSource.getRepository(SoftwareDownload).insert({
      id: randomUUID(),
      releaseId,
      productId,
      version: '10.0.0',
      deviceId: devices[customerId],
      customerId,
      downloadedBy,
      downloadedAt: new Date(Date.UTC(2026, 5, 1, 9, minute)),
      url: 'https://downloads.poly.com/x/10.0.0.tar',
    });

  beforeAll(async () => {
    db = await createTestDatabase('devices_privacy', devicesSubgraph.database);
    ({ schema } = await createDevicesSubgraph({ sites: customers.directory, coverage: customers.coverage }).build(db.dataSource));
    peer = personalDataPeer('devices', inProcessClient(schema));
    productId = (
      await operationData<{ createProduct: { id: string } }>(
        schema,
        'mutation { createProduct(input: { model: "Privacy Bar 1", name: "Privacy Bar 1", productType: ROOM, onsiteEligible: false }) { id } }',
      )
    ).createProduct.id;
    releaseId = (
      await operationData<{ publishSoftwareRelease: { id: string } }>(
        schema,
        'mutation ($input: PublishReleaseInput!) { publishSoftwareRelease(input: $input) { id } }',
        { input: { productId, version: '10.0.0', releasedOn: '2026-03-01' } },
      )
    ).publishSoftwareRelease.id;
    for (const [customerId, serialNumber] of [
      [fabrikam, 'PRIV-FAB-1'],
      [contoso, 'PRIV-CON-1'],
    ]) {
      const siteId = randomUUID();
      customers.addSite({ id: siteId, customerId, countryCode: 'GB', subdivision: 'ENG', timeZone: 'Europe/London' });
      devices[customerId] = (
        await operationData<{ registerDevice: { id: string } }>(
          schema,
          'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
          { input: { serialNumber, productModel: 'Privacy Bar 1', customerId, siteId } },
        )
      ).registerDevice.id;
    }
    await operationData(schema, 'mutation ($input: IssueLicenceInput!) { issueLicence(input: $input) { id } }', {
      input: { deviceId: devices[fabrikam], feature: 'Poly Lens Room Insights' },
    });
    await download(fabrikam, `CUSTOMER_TECHNICIAN:${ana.email}`, 1);
    await download(fabrikam, `CUSTOMER_ADMIN:${ana.contactId}`, 2);
    await download(fabrikam, `CUSTOMER_TECHNICIAN:${ben.email}`, 3);
    // The same person, a contact of another customer too: that customer's records are not hers to erase here.
    await download(contoso, `CUSTOMER_TECHNICIAN:${ana.email}`, 4);
  }, 180_000);
  afterAll(() => db?.drop(), 60_000);

  it('every table of the devices service is classified as holding personal data or not', () => {
    expect(unclassifiedEntityTables(db.dataSource, DEVICES_PERSONAL_DATA)).toEqual({ unclassified: [], unknown: [] });
  });

  it('a contact’s export holds the downloads they made at their customer and nothing of another contact or customer', async () => {
    const records = await collectExport(peer, { customerId: fabrikam, contactId: ana.contactId, email: ana.email }, 1);
    // Pages go in key (id) order, not the order the downloads were made.
    expect(records.map((entry) => [entry.section, entry.record.downloadedBy]).sort()).toEqual([
      ['softwareDownloads', `CUSTOMER_ADMIN:${ana.contactId}`],
      ['softwareDownloads', `CUSTOMER_TECHNICIAN:${ana.email}`],
    ]);
    expect(JSON.stringify(records)).not.toContain(ben.email);
    expect(JSON.stringify(records)).not.toContain(contoso);
  });

  it('a customer’s export holds its devices, their licences and every download of its people, nothing of another customer', async () => {
    const records = await collectExport(peer, { customerId: fabrikam });
    expect(records.filter((entry) => entry.section === 'devices').map((entry) => entry.record.serialNumber)).toEqual(['PRIV-FAB-1']);
    expect(records.filter((entry) => entry.section === 'licences').map((entry) => entry.record.feature)).toEqual([
      'Poly Lens Room Insights',
    ]);
    expect(records.filter((entry) => entry.section === 'softwareDownloads')).toHaveLength(3);
    expect(JSON.stringify(records)).not.toContain(contoso);
    expect(JSON.stringify(records)).not.toContain('PRIV-CON-1');
  });

  it('erasing a contact pseudonymises the downloads they made at that customer only; a second erasure changes nothing', async () => {
    const subject = { customerId: fabrikam, ...ana, erasedBy: 'SUPPORT_ENGINEER:tsr.ana' };
    expect(await peer.erase(subject)).toEqual({ changedRows: 2, deletedFiles: 0 });
    expect((await downloads()).map((row) => [row.customerId, row.downloadedBy])).toEqual([
      [fabrikam, `CUSTOMER_TECHNICIAN:${anaErased.subject}`],
      [fabrikam, `CUSTOMER_ADMIN:${anaErased.subject}`],
      [fabrikam, `CUSTOMER_TECHNICIAN:${ben.email}`],
      [contoso, `CUSTOMER_TECHNICIAN:${ana.email}`],
    ]);
    expect(await peer.erase(subject)).toEqual({ changedRows: 0, deletedFiles: 0 });
  });

  it('the personal-data fields answer services only: support staff calling them directly are FORBIDDEN', async () => {
    const staff = staffPersonalDataPeer('devices', schema);
    await expect(staff.exportPage({ customerId: fabrikam }, null, 10)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(staff.erase({ customerId: fabrikam, ...ana, erasedBy: 'SUPPORT_ENGINEER:x' })).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('an export subject naming more than 500 cases, or an id that is not one, is BAD_USER_INPUT', async () => {
    await expect(peer.exportPage({ customerId: 'not-an-id' }, null, 10)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(
      peer.exportPage({ customerId: fabrikam, incidentIds: Array.from({ length: 501 }, () => randomUUID()) }, null, 10),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
