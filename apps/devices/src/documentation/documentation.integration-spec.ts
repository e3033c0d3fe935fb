import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '@polyplus/auth';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { executeOperation, operationData, TEST_SUPPORT_ENGINEER } from '@polyplus/testing';
import { createDevicesSubgraph, devicesSubgraph } from '../devices-subgraph';
import { FakeCustomers } from '../testing/fake-customers';

const PUBLISH = 'mutation ($input: PublishDocumentInput!) { publishProductDocument(input: $input) { id title publishedAt } }';
const DOCUMENTS =
  'query ($productId: ID, $kind: DocumentKind, $language: String) { productDocuments(productId: $productId, kind: $kind, language: $language) { title kind softwareVersion language downloadUrl product { model } } }';

describe('product documentation ("Download the latest Product documentation")', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  const customers = new FakeCustomers();
  const owner = randomUUID();
  const lapsed = randomUUID();
  const products: Record<string, string> = {};
  const admin = (customerId: string): Principal => ({ subject: 'admin', role: 'CUSTOMER_ADMIN', customerIds: [customerId] });
  const technician: Principal = { subject: 'tech', role: 'CUSTOMER_TECHNICIAN', customerIds: [owner], contactId: 'k1' };
  const documents = async (principal: Principal, variables: Record<string, unknown> = {}) =>
    (
      await operationData<{ productDocuments: { title: string; softwareVersion: string | null; product: { model: string } }[] }>(
        schema,
        DOCUMENTS,
        variables,
        principal,
      )
    ).productDocuments;
  const rows = async () => db.dataSource.query('SELECT * FROM product_document ORDER BY id');
  const doc = (model: string, title: string, overrides: Record<string, unknown> = {}) => ({
    productId: products[model],
    title,
    kind: 'ADMIN_GUIDE',
    language: 'en',
    downloadUrl: `https://docs.poly.com/${encodeURIComponent(title)}.pdf`,
    ...overrides,
  });

  beforeAll(async () => {
    db = await createTestDatabase('devices_docs', devicesSubgraph.database);
    ({ schema } = await createDevicesSubgraph({
      sites: customers.directory,
      coverage: customers.coverage,
      now: () => new Date('2026-06-15T12:00:00Z'),
    }).build(db.dataSource));
    for (const model of ['Doc Bar 1', 'Doc Phone 2', 'Doc Headset 3']) {
      products[model] = (
        await operationData<{ createProduct: { id: string } }>(
          schema,
          'mutation ($model: String!) { createProduct(input: { model: $model, name: $model, productType: ROOM, onsiteEligible: false }) { id } }',
          { model },
        )
      ).createProduct.id;
    }
    const register = async (customerId: string, serialNumber: string, productModel: string, term: [string, string]) => {
      const siteId = randomUUID();
      customers.addSite({ id: siteId, customerId, countryCode: 'DE', subdivision: 'BE', timeZone: 'Europe/Berlin' });
      const { registerDevice } = await operationData<{ registerDevice: { id: string } }>(
        schema,
        'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
        {
          input: { serialNumber, productModel, customerId, siteId },
        },
      );
      customers.cover(registerDevice.id, { contractId: `c-${serialNumber}`, start: term[0], end: term[1], options: [] });
    };
    await register(owner, 'DOC-BAR-1', 'Doc Bar 1', ['2026-01-01', '2026-12-31']);
    // The owner's phone is no longer under contract: its documents are not the owner's to see.
    await register(owner, 'DOC-PHONE-1', 'Doc Phone 2', ['2024-01-01', '2025-12-31']);
    await register(lapsed, 'DOC-PHONE-2', 'Doc Phone 2', ['2024-01-01', '2025-12-31']);
    await operationData(schema, PUBLISH, {
      input: doc('Doc Bar 1', 'Doc Bar 1 Admin Guide 4.2', { softwareVersion: '4.2.0', publishedAt: '2025-10-20T09:00:00Z' }),
    });
    await operationData(schema, PUBLISH, {
      input: doc('Doc Bar 1', 'Doc Bar 1 Admin Guide 10.0', { softwareVersion: '10.0.0', publishedAt: '2026-03-02T09:00:00Z' }),
    });
    await operationData(schema, PUBLISH, {
      input: doc('Doc Bar 1', 'Doc Bar 1 Release Notes 10.0', {
        kind: 'RELEASE_NOTES',
        softwareVersion: '10.0.0',
        publishedAt: '2026-03-01T09:00:00Z',
      }),
    });
    await operationData(schema, PUBLISH, {
      input: doc('Doc Bar 1', 'Doc Bar 1 Datasheet', { kind: 'DATASHEET', publishedAt: '2026-05-01T09:00:00Z' }),
    });
    await operationData(schema, PUBLISH, {
      input: doc('Doc Bar 1', 'Doc Bar 1 Administratorhandbuch 10.0', {
        softwareVersion: '10.0.0',
        language: 'de-DE',
        publishedAt: '2026-03-05T09:00:00Z',
      }),
    });
    await operationData(schema, PUBLISH, { input: doc('Doc Phone 2', 'Doc Phone 2 User Guide', { kind: 'USER_GUIDE' }) });
    await operationData(schema, PUBLISH, { input: doc('Doc Headset 3', 'Doc Headset 3 Quick Start', { kind: 'QUICK_START_GUIDE' }) });
  }, 120_000);
  afterAll(() => db.drop(), 60_000);

  it('documents are listed latest first: newest software version, then newest publication, version-independent documents last', async () => {
    expect(
      (await documents(admin(owner), { productId: products['Doc Bar 1'] })).map((document) => [document.title, document.softwareVersion]),
    ).toEqual([
      ['Doc Bar 1 Administratorhandbuch 10.0', '10.0.0'],
      ['Doc Bar 1 Admin Guide 10.0', '10.0.0'],
      ['Doc Bar 1 Release Notes 10.0', '10.0.0'],
      ['Doc Bar 1 Admin Guide 4.2', '4.2.0'],
      ['Doc Bar 1 Datasheet', null],
    ]);
  });

  it('documentation only for owned products: a customer sees documents only of products it has a device of under a current contract', async () => {
    const titles = async (principal: Principal, variables?: Record<string, unknown>) =>
      (await documents(principal, variables)).map((document) => document.product.model);
    expect(new Set(await titles(admin(owner)))).toEqual(new Set(['Doc Bar 1']));
    expect(new Set(await titles(technician))).toEqual(new Set(['Doc Bar 1']));
    expect(await titles(admin(owner), { productId: products['Doc Phone 2'] })).toEqual([]);
    expect(await titles(admin(owner), { productId: products['Doc Headset 3'] })).toEqual([]);
    expect(await titles(admin(lapsed))).toEqual([]);
  });

  it('vendor staff see every product’s documents; filters narrow by kind and language', async () => {
    expect(new Set((await documents(TEST_SUPPORT_ENGINEER)).map((document) => document.product.model))).toEqual(
      new Set(['Doc Bar 1', 'Doc Phone 2', 'Doc Headset 3']),
    );
    expect((await documents(admin(owner), { kind: 'RELEASE_NOTES' })).map((document) => document.title)).toEqual([
      'Doc Bar 1 Release Notes 10.0',
    ]);
    expect((await documents(admin(owner), { language: 'de-DE' })).map((document) => document.title)).toEqual([
      'Doc Bar 1 Administratorhandbuch 10.0',
    ]);
  });

  it('only support staff publish or withdraw documents; the publisher is the verified caller, shown to staff only', async () => {
    const before = await rows();
    expect(
      (await executeOperation(schema, PUBLISH, { input: doc('Doc Bar 1', 'Customer guide') }, admin(owner))).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect(await rows()).toEqual(before);
    expect(before.every((row: { publishedBy: string }) => row.publishedBy === 'SUPPORT_ENGINEER:test-engineer')).toBe(true);
    const customerRead = await executeOperation(schema, '{ productDocuments { publishedBy } }', {}, admin(owner));
    expect(customerRead.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { publishProductDocument } = await operationData<{ publishProductDocument: { id: string; publishedAt: string } }>(
      schema,
      PUBLISH,
      { input: doc('Doc Headset 3', 'Doc Headset 3 Datasheet', { kind: 'DATASHEET' }) },
    );
    expect(publishProductDocument.publishedAt).toBe('2026-06-15T12:00:00.000Z');
    await operationData(schema, 'mutation ($id: ID!) { withdrawProductDocument(id: $id) }', { id: publishProductDocument.id });
    expect(await rows()).toEqual(before);
  });

  it.each([
    ['a download link over plain http', { downloadUrl: 'http://docs.poly.com/guide.pdf' }, 'downloadUrl'],
    ['a download link with a password', { downloadUrl: 'https://user:pw@docs.poly.com/guide.pdf' }, 'downloadUrl'],
    ['a download link to localhost', { downloadUrl: 'https://localhost/guide.pdf' }, 'downloadUrl'],
    ['a download link of 2,001 characters', { downloadUrl: `https://docs.poly.com/${'x'.repeat(2000)}` }, 'downloadUrl'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a title of 201 characters', { title: 'x'.repeat(201) }, 'title'],
    ['a software version that is not dotted numbers', { softwareVersion: 'v10' }, 'softwareVersion'],
    ['a software version of 33 characters', { softwareVersion: '1.'.repeat(16) + '1' }, 'softwareVersion'],
    ['a language that is not a BCP 47 tag', { language: 'English' }, 'language'],
    ['a publication date in year 0000', { publishedAt: '0000-01-01T00:00:00Z' }, 'publishedAt'],
  ])('%s is BAD_USER_INPUT naming the field, and nothing is written', async (_case, overrides, field) => {
    const before = await rows();
    const result = await executeOperation(schema, PUBLISH, { input: doc('Doc Bar 1', 'Bad input guide', overrides) });
    const extensions = result.errors?.[0].extensions as { code: string; field?: string; fields?: { field: string }[] };
    expect(extensions.code).toBe('BAD_USER_INPUT');
    expect(extensions.field ?? extensions.fields?.map((problem) => problem.field)).toEqual(extensions.field ? field : [field]);
    expect(await rows()).toEqual(before);
  });

  it('a publication date in the future is BAD_USER_INPUT naming publishedAt; an unknown product is NOT_FOUND; nothing is written', async () => {
    const before = await rows();
    expect(
      (await executeOperation(schema, PUBLISH, { input: doc('Doc Bar 1', 'Future guide', { publishedAt: '2026-07-01T00:00:00Z' }) }))
        .errors?.[0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'publishedAt' });
    expect(
      (await executeOperation(schema, PUBLISH, { input: { ...doc('Doc Bar 1', 'Orphan guide'), productId: randomUUID() } })).errors?.[0]
        .extensions?.code,
    ).toBe('NOT_FOUND');
    expect(await rows()).toEqual(before);
  });

  it('the list is bounded: first must be 1 to 200, a language filter a BCP 47 tag', async () => {
    expect((await executeOperation(schema, '{ productDocuments(first: 0) { id } }')).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect((await executeOperation(schema, '{ productDocuments(language: "Deutsch") { id } }')).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'language',
    });
  });
});
