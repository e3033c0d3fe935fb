import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { executeOperation, operationData, expectRefusedInput, type BoundsCase } from '@polyplus/testing';
import { createCustomersSubgraph, customersSubgraph } from './customers-subgraph';
import { FakeDevices } from './testing/fake-devices';

const CREATE_CUSTOMER = 'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }';
const CREATE_SITE = 'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }';
const ADD_CONTACT = 'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }';
const CREATE_CONTRACT = 'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }';
const COVER_DEVICES = 'mutation ($input: CoverDevicesInput!) { coverDevices(input: $input) { id } }';
const CREATE_DISCOUNT = 'mutation ($input: CreateServiceDiscountInput!) { createServiceDiscount(input: $input) { id percentOff } }';

const TABLES = ['customer', 'site', 'contact', 'contract', 'contract_device', 'service_discount'];

describe('customer inputs are bounded by their columns and the domain', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let customerId: string;
  let contractId: string;
  const devices = new FakeDevices();

  const site = (overrides: Record<string, unknown> = {}) => ({
    customerId,
    name: `Site ${randomUUID()}`,
    countryCode: 'GB',
    timeZone: 'Europe/London',
    ...overrides,
  });
  const contract = (overrides: Record<string, unknown> = {}) => ({
    customerId,
    reference: `PP-${randomUUID().slice(0, 8).toUpperCase()}`,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    ...overrides,
  });
  const discount = (overrides: Record<string, unknown> = {}) => ({
    serviceCode: `PS-${randomUUID().slice(0, 8).toUpperCase()}`,
    serviceName: 'Room design',
    percentOff: 15,
    validFrom: '2026-01-01',
    ...overrides,
  });

  const expectRefused = (mutation: string, input: Record<string, unknown>, field: string) =>
    expectRefusedInput({ schema, dataSource: db.dataSource, tables: TABLES }, mutation, { input }, field);

  beforeAll(async () => {
    db = await createTestDatabase('customers_bounds', customersSubgraph.database);
    ({ schema } = await createCustomersSubgraph({ devices: devices.directory }).build(db.dataSource));
    customerId = (await operationData<{ createCustomer: { id: string } }>(schema, CREATE_CUSTOMER, { input: { name: 'Bounds Ltd' } }))
      .createCustomer.id;
    contractId = (await operationData<{ createContract: { id: string } }>(schema, CREATE_CONTRACT, { input: contract() })).createContract
      .id;
  }, 120_000);
  afterAll(() => db.drop(), 60_000);

  // Each of these passed validation, then stored an impossible or blank value, or one the column rounds.
  const passedValidation: BoundsCase[] = [
    ['a contract starting in year 0000 is refused', CREATE_CONTRACT, () => contract({ startsOn: '0000-01-01' }), 'startsOn'],
    ['a discount valid from year 0000 is refused', CREATE_DISCOUNT, () => discount({ validFrom: '0000-01-01' }), 'validFrom'],
    [
      'a discount of 12.345 percent (the column keeps 2 decimals) is refused',
      CREATE_DISCOUNT,
      () => discount({ percentOff: 12.345 }),
      'percentOff',
    ],
    ['a customer name of spaces is refused', CREATE_CUSTOMER, () => ({ name: '   ' }), 'name'],
    ['a site name of spaces is refused', CREATE_SITE, () => site({ name: ' \t ' }), 'name'],
    [
      'a contact name of spaces is refused',
      ADD_CONTACT,
      () => ({ customerId, email: 'blank@bounds.example', name: '   ', role: 'TECHNICIAN' }),
      'name',
    ],
    ['a discount service name of spaces is refused', CREATE_DISCOUNT, () => discount({ serviceName: '   ' }), 'serviceName'],
  ];

  it.each(passedValidation)('%s, as BAD_USER_INPUT naming the field, and nothing is written', async (_rule, mutation, input, field) => {
    await expectRefused(mutation, input(), field);
  });

  // A representative over-long, out-of-range or impossible value for every customers input type.
  const everyInputType: BoundsCase[] = [
    ['a customer name longer than 200 characters', CREATE_CUSTOMER, () => ({ name: 'n'.repeat(201) }), 'name'],
    ['a site postal code of 10,000 characters', CREATE_SITE, () => site({ postalCode: 'P'.repeat(10_000) }), 'postalCode'],
    ['a site latitude beyond 90°', CREATE_SITE, () => site({ latitude: 90.5, longitude: 0 }), 'latitude'],
    [
      'a contact email longer than 254 characters',
      ADD_CONTACT,
      () => ({ customerId, email: `${'e'.repeat(250)}@bounds.example`, name: 'Long', role: 'TECHNICIAN' }),
      'email',
    ],
    ['a contract starting on 30 February', CREATE_CONTRACT, () => contract({ startsOn: '2026-02-30' }), 'startsOn'],
    ['a contract ending in month 13', CREATE_CONTRACT, () => contract({ endsOn: '2026-13-01' }), 'endsOn'],
    ['a contract with more options than exist', CREATE_CONTRACT, () => contract({ options: ['ONSITE', 'ONSITE'] }), 'options'],
    [
      'devices covered in one request beyond 10,000',
      COVER_DEVICES,
      () => ({ contractId, deviceIds: Array.from({ length: 10_001 }, () => randomUUID()) }),
      'deviceIds',
    ],
    ['a discount valid until 29 February 2027', CREATE_DISCOUNT, () => discount({ validUntil: '2027-02-29' }), 'validUntil'],
    ['a discount above 100 percent', CREATE_DISCOUNT, () => discount({ percentOff: 100.01 }), 'percentOff'],
  ];

  it.each(everyInputType)('%s is BAD_USER_INPUT naming the field, and nothing is written', async (_rule, mutation, input, field) => {
    await expectRefused(mutation, input(), field);
  });

  it('discount eligibility asked for on a day in year 0000 or on 30 February is BAD_USER_INPUT naming on', async () => {
    for (const on of ['0000-01-01', '2026-02-30']) {
      const result = await executeOperation(
        schema,
        'query ($c: ID!, $on: String!) { discountEligibility(customerId: $c, on: $on) { eligible } }',
        { c: customerId, on },
      );
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'on' }] });
    }
  });

  it('the most the bounds allow is stored: 200-character names, 29 February of a leap year, 99.99 percent off', async () => {
    const named = await executeOperation(schema, CREATE_CUSTOMER, { input: { name: 'é'.repeat(200) } });
    expect(named.errors).toBeUndefined();
    const leap = await executeOperation(schema, CREATE_CONTRACT, { input: contract({ startsOn: '2028-02-29', endsOn: '2028-12-31' }) });
    expect(leap.errors).toBeUndefined();
    const offer = await executeOperation<{ createServiceDiscount: { percentOff: number } }>(schema, CREATE_DISCOUNT, {
      input: discount({ percentOff: 99.99, validUntil: '2999-12-31' }),
    });
    expect(offer.data?.createServiceDiscount.percentOff).toBe(99.99);
  });
});
