import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { createTestDatabase, pendingSchemaChanges, type TestDatabase } from '@polyplus/persistence';
import { createCustomersSubgraph, customersSubgraph } from './customers-subgraph';
import { FakeDevices } from './testing/fake-devices';
import { executeOperation, operationData } from '@polyplus/testing';

const CREATE_SITE =
  'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id name addressLine city postalCode countryCode subdivision timeZone latitude longitude } }';
const CREATE_CONTRACT =
  'mutation ($input: CreateContractInput!) { createContract(input: $input) { id reference startsOn endsOn options coveredDevices { id } } }';
const ADD_CONTACT = 'mutation ($input: AddContactInput!) { addContact(input: $input) { id email designated } }';
const DESIGNATED = 'query ($customerId: ID!, $contactId: ID!) { isDesignatedContact(customerId: $customerId, contactId: $contactId) }';

describe('customers subgraph', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  const devices = new FakeDevices();
  let acme: string;
  let globex: string;

  const run = <T>(query: string, variables: Record<string, unknown> = {}) => operationData<T>(schema, query, variables);
  const rows = async (table: string) => Number((await db.dataSource.query(`SELECT COUNT(*) AS n FROM \`${table}\``))[0].n);
  const createCustomer = async (name: string) =>
    (await run<{ createCustomer: { id: string } }>('mutation ($name: String!) { createCustomer(input: { name: $name }) { id } }', { name }))
      .createCustomer.id;
  const contract = (input: Record<string, unknown>) =>
    run<{ createContract: { id: string; options: string[]; coveredDevices: { id: string }[] } }>(CREATE_CONTRACT, { input });

  beforeAll(async () => {
    db = await createTestDatabase('customers', customersSubgraph.database);
    ({ schema } = await createCustomersSubgraph({ devices: devices.directory }).build(db.dataSource));
    acme = await createCustomer('Acme Ltd');
    globex = await createCustomer('Globex GmbH');
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('migrations create exactly the schema the entities describe', async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });

  it('a site keeps its address, country, subdivision, time zone and coordinates for dispatch', async () => {
    const input = {
      customerId: acme,
      name: 'Leeds',
      addressLine: '1 Park Row',
      city: 'Leeds',
      postalCode: 'LS1 5AB',
      countryCode: 'GB',
      subdivision: 'ENG',
      timeZone: 'Europe/London',
      latitude: 53.7997,
      longitude: -1.5492,
    };
    const { createSite } = await run<{ createSite: Record<string, unknown> }>(CREATE_SITE, { input });
    const { site } = await run<{ site: Record<string, unknown> }>(
      'query ($id: ID!) { site(id: $id) { name addressLine city postalCode countryCode subdivision timeZone latitude longitude } }',
      { id: createSite.id },
    );
    const { customerId: _customerId, ...expected } = input;
    expect(site).toEqual(expected);
  });

  it('a site with an invalid time zone is BAD_USER_INPUT naming timeZone, and nothing is written', async () => {
    const before = await rows('site');
    const result = await executeOperation(schema, CREATE_SITE, {
      input: { customerId: acme, name: 'Mars Base', countryCode: 'GB', timeZone: 'Mars/Olympus_Mons' },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'timeZone' }] });
    expect(await rows('site')).toBe(before);
  });

  it('a site whose time zone is not one of its country’s (Europe/Berlin for GB) is BAD_USER_INPUT naming timeZone, and nothing is written', async () => {
    const before = await rows('site');
    const result = await executeOperation(schema, CREATE_SITE, {
      input: { customerId: acme, name: 'Leeds in Berlin time', countryCode: 'GB', timeZone: 'Europe/Berlin' },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    expect(await rows('site')).toBe(before);
  });

  it('a site’s time zone names a place: Etc/UTC, UTC and GMT are BAD_USER_INPUT naming timeZone, and nothing is written', async () => {
    const before = await rows('site');
    for (const timeZone of ['Etc/UTC', 'UTC', 'GMT']) {
      const result = await executeOperation(schema, CREATE_SITE, {
        input: { customerId: acme, name: `Nowhere ${timeZone}`, countryCode: 'GB', timeZone },
      });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    }
    expect(await rows('site')).toBe(before);
  });

  it('a zone the IANA table lists for several countries is accepted for each of them (Europe/Zurich in DE as in CH)', async () => {
    const site = (name: string, countryCode: string) =>
      run<{ createSite: { timeZone: string } }>(CREATE_SITE, {
        input: { customerId: globex, name, countryCode, timeZone: 'Europe/Zurich' },
      });
    expect((await site('Büsingen', 'DE')).createSite.timeZone).toBe('Europe/Zurich');
    expect((await site('Zurich', 'CH')).createSite.timeZone).toBe('Europe/Zurich');
  });

  it('a latitude without a longitude is BAD_USER_INPUT naming longitude, and nothing is written', async () => {
    const before = await rows('site');
    const result = await executeOperation(schema, CREATE_SITE, {
      input: { customerId: acme, name: 'Half a point', countryCode: 'GB', timeZone: 'Europe/London', latitude: 51.5 },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'longitude' });
    expect(await rows('site')).toBe(before);
  });

  it('only a designated contact of that customer is a designated contact', async () => {
    const add = async (customerId: string, email: string, designated: boolean) =>
      (
        await run<{ addContact: { id: string } }>(ADD_CONTACT, {
          input: { customerId, email, name: email, role: 'TECHNICIAN', designated },
        })
      ).addContact.id;
    const designated = await add(acme, 'tech@acme.example', true);
    const notDesignated = await add(acme, 'admin@acme.example', false);
    const otherCustomers = await add(globex, 'tech@globex.example', true);
    const ask = async (customerId: string, contactId: string) =>
      (await run<{ isDesignatedContact: boolean }>(DESIGNATED, { customerId, contactId })).isDesignatedContact;
    expect(await ask(acme, designated)).toBe(true);
    expect(await ask(acme, notDesignated)).toBe(false);
    expect(await ask(acme, otherCustomers)).toBe(false);
    expect(await ask(acme, randomUUID())).toBe(false);
    await run('mutation ($id: ID!) { setContactDesignation(contactId: $id, designated: false) { id } }', { id: designated });
    expect(await ask(acme, designated)).toBe(false);
  });

  it('a second contact with the same email at one customer is a CONFLICT (case-insensitive)', async () => {
    await run(ADD_CONTACT, { input: { customerId: globex, email: 'ops@globex.example', name: 'Ops', role: 'ADMIN' } });
    const result = await executeOperation(schema, ADD_CONTACT, {
      input: { customerId: globex, email: 'OPS@globex.example', name: 'Ops 2', role: 'ADMIN' },
    });
    expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('a contract is written with the devices it covers and its options', async () => {
    const a = devices.own(acme, randomUUID());
    const b = devices.own(acme, randomUUID());
    const { createContract } = await contract({
      customerId: acme,
      reference: 'PP-2025-0001',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      options: ['ONSITE'],
      deviceIds: [a, b, a],
    });
    expect(createContract.options).toEqual(['ONSITE']);
    expect(createContract.coveredDevices.map((d) => d.id).sort()).toEqual([a, b].sort());
  });

  it('contract end before start is BAD_USER_INPUT naming endsOn, and nothing is written', async () => {
    const before = { contracts: await rows('contract'), covered: await rows('contract_device') };
    const result = await executeOperation(schema, CREATE_CONTRACT, {
      input: {
        customerId: acme,
        reference: 'PP-BACKWARDS',
        startsOn: '2025-06-01',
        endsOn: '2025-05-31',
        deviceIds: [devices.own(acme, randomUUID())],
      },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
    expect({ contracts: await rows('contract'), covered: await rows('contract_device') }).toEqual(before);
  });

  it('a contract date that is not a calendar date is BAD_USER_INPUT naming it', async () => {
    const result = await executeOperation(schema, CREATE_CONTRACT, {
      input: { customerId: acme, reference: 'PP-FEB30', startsOn: '2025-02-30', endsOn: '2025-12-31' },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'startsOn' }] });
  });

  it('a contract covering another customer’s device is refused and nothing is written', async () => {
    const before = await rows('contract');
    const result = await executeOperation(schema, CREATE_CONTRACT, {
      input: {
        customerId: acme,
        reference: 'PP-FOREIGN',
        startsOn: '2025-01-01',
        endsOn: '2025-12-31',
        deviceIds: [devices.own(globex, randomUUID())],
      },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deviceIds' });
    expect(await rows('contract')).toBe(before);
  });

  it('a contract reference is unique: the second is a CONFLICT', async () => {
    await contract({ customerId: globex, reference: 'PP-DUP-1', startsOn: '2025-01-01', endsOn: '2025-12-31' });
    const result = await executeOperation(schema, CREATE_CONTRACT, {
      input: { customerId: acme, reference: 'PP-DUP-1', startsOn: '2025-01-01', endsOn: '2025-12-31' },
    });
    expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('device coverage lists every contract period of a device, for the devices subgraph to judge', async () => {
    const device = devices.own(globex, randomUUID());
    await contract({ customerId: globex, reference: 'PP-G-2024', startsOn: '2024-01-01', endsOn: '2024-12-31', deviceIds: [device] });
    const { createContract: renewal } = await contract({
      customerId: globex,
      reference: 'PP-G-2025',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      options: ['ONSITE'],
    });
    await run('mutation ($input: CoverDevicesInput!) { coverDevices(input: $input) { id } }', {
      input: { contractId: renewal.id, deviceIds: [device] },
    });
    const unknown = randomUUID();
    const { deviceCoverage } = await run<{ deviceCoverage: { deviceId: string; periods: unknown[] }[] }>(
      'query ($ids: [ID!]!) { deviceCoverage(deviceIds: $ids) { deviceId periods { reference startsOn endsOn options } } }',
      { ids: [device, unknown] },
    );
    expect(deviceCoverage).toEqual([
      {
        deviceId: device,
        periods: [
          { reference: 'PP-G-2024', startsOn: '2024-01-01', endsOn: '2024-12-31', options: [] },
          { reference: 'PP-G-2025', startsOn: '2025-01-01', endsOn: '2025-12-31', options: ['ONSITE'] },
        ],
      },
      { deviceId: unknown, periods: [] },
    ]);
  });

  it('professional-service discounts apply only while a contract is current, and only offers valid on that date', async () => {
    const customer = await createCustomer('Initech');
    await contract({ customerId: customer, reference: 'PP-INITECH', startsOn: '2025-03-01', endsOn: '2026-02-28' });
    const offer = (serviceCode: string, validFrom: string, validUntil?: string) =>
      run('mutation ($input: CreateServiceDiscountInput!) { createServiceDiscount(input: $input) { id } }', {
        input: { serviceCode, serviceName: serviceCode, percentOff: 15, validFrom, validUntil },
      });
    await offer('PS-ROOM-DESIGN', '2024-01-01');
    await offer('PS-DEPLOY-2025', '2025-01-01', '2025-12-31');
    const ask = async (on: string) =>
      (
        await run<{ discountEligibility: { eligible: boolean; discounts: { serviceCode: string }[] } }>(
          'query ($c: ID!, $on: String!) { discountEligibility(customerId: $c, on: $on) { eligible contractId discounts { serviceCode percentOff } } }',
          { c: customer, on },
        )
      ).discountEligibility;
    expect(await ask('2025-02-28')).toMatchObject({ eligible: false, discounts: [] });
    expect(await ask('2025-06-01')).toMatchObject({
      eligible: true,
      discounts: [{ serviceCode: 'PS-DEPLOY-2025' }, { serviceCode: 'PS-ROOM-DESIGN' }],
    });
    expect(await ask('2026-01-15')).toMatchObject({ eligible: true, discounts: [{ serviceCode: 'PS-ROOM-DESIGN' }] });
    expect(await ask('2026-03-01')).toMatchObject({ eligible: false, discounts: [] });
  });
});
