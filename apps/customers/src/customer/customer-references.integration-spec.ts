import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '@polyplus/auth';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { countQueries, executeOperation, operationData } from '@polyplus/testing';
import { createCustomersSubgraph, customersSubgraph } from '../customers-subgraph';
import { FakeDevices } from '../testing/fake-devices';

const CUSTOMERS = 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer { id name } } }';
const SITES = 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Site { id name } } }';

describe('customers subgraph entity look-ups (_entities)', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  const customers: { id: string; name: string; siteId: string }[] = [];
  const reps = (typename: string, ids: string[]) => ids.map((id) => ({ __typename: typename, id }));
  const adminOf = (customerId: string): Principal => ({
    subject: `admin-${customerId}`,
    role: 'CUSTOMER_ADMIN',
    customerIds: [customerId],
  });

  /** Runs one `_entities` call and returns its answer with the SQL statements it sent. */
  const lookUp = async (query: string, representations: object[], principal?: Principal) => {
    const counter = countQueries(db.dataSource);
    try {
      const result = await executeOperation<{ _entities: unknown[] }>(schema, query, { reps: representations }, principal);
      return { ...result, statements: [...counter.statements] };
    } finally {
      counter.stop();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('customers_references', customersSubgraph.database);
    ({ schema } = await createCustomersSubgraph({ devices: new FakeDevices().directory }).build(db.dataSource));
    for (const name of ['Acme Ltd', 'Globex GmbH', 'Initech Inc', 'Umbrella plc', 'Hooli LLC']) {
      const { createCustomer } = await operationData<{ createCustomer: { id: string } }>(
        schema,
        'mutation ($name: String!) { createCustomer(input: { name: $name }) { id } }',
        { name },
      );
      const { createSite } = await operationData<{ createSite: { id: string } }>(
        schema,
        'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
        {
          input: { customerId: createCustomer.id, name: `${name} HQ`, countryCode: 'GB', timeZone: 'Europe/London' },
        },
      );
      customers.push({ id: createCustomer.id, name, siteId: createSite.id });
    }
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('six customer representations are one SQL query, answered in the representations’ order with null for an unknown id', async () => {
    const order = [customers[3], customers[0], customers[4], customers[2], customers[1]];
    const unknown = randomUUID();
    const result = await lookUp(
      CUSTOMERS,
      reps('Customer', [...order.map((customer) => customer.id).slice(0, 2), unknown, ...order.slice(2).map((customer) => customer.id)]),
    );
    expect(result.errors).toBeUndefined();
    expect(result.statements).toHaveLength(1);
    expect(result.statements[0]).toMatch(/\bIN\s*\(/);
    expect(result.data?._entities).toEqual([
      { id: order[0].id, name: order[0].name },
      { id: order[1].id, name: order[1].name },
      null,
      ...order.slice(2).map((customer) => ({ id: customer.id, name: customer.name })),
    ]);
  });

  it('five site representations are one SQL query too', async () => {
    const result = await lookUp(SITES, reps('Site', customers.map((customer) => customer.siteId).reverse()));
    expect(result.errors).toBeUndefined();
    expect(result.statements).toHaveLength(1);
    expect(result.data?._entities).toEqual(
      [...customers].reverse().map((customer) => ({ id: customer.siteId, name: `${customer.name} HQ` })),
    );
  });

  it('a customer admin gets null for another customer and its site in the same call, and its own in place', async () => {
    const [acme, globex] = customers;
    const ownAndForeign = await lookUp(CUSTOMERS, reps('Customer', [globex.id, acme.id, globex.id]), adminOf(acme.id));
    expect(ownAndForeign.errors).toBeUndefined();
    expect(ownAndForeign.statements).toHaveLength(1);
    expect(ownAndForeign.data?._entities).toEqual([null, { id: acme.id, name: acme.name }, null]);
    const sites = await lookUp(SITES, reps('Site', [acme.siteId, globex.siteId]), adminOf(acme.id));
    expect(sites.data?._entities).toEqual([{ id: acme.siteId, name: 'Acme Ltd HQ' }, null]);
  });
});
