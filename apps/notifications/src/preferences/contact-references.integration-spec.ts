import type { GraphQLSchema } from 'graphql';
import type { Principal } from '@polyplus/auth';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import type { SubgraphClient } from '@polyplus/subgraph-kit';
import { executeOperation } from '@polyplus/testing';
import { createNotificationsSubgraph } from '../notifications-subgraph';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from '../notifications-database';
import { FakeSubgraphs } from '../testing/fake-subgraphs';
import { testMailConfig } from '../testing/notifications-harness';

const CONTACTS =
  'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Contact { id notificationPreferences { contactId } } } }';

describe('notifications subgraph contact look-ups (_entities)', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  const world = new FakeSubgraphs();
  const fabrikam = world.customer('Fabrikam', [{ name: 'HQ', timeZone: 'Europe/London' }]);
  const contoso = world.customer('Contoso', [{ name: 'HQ', timeZone: 'Europe/Paris', countryCode: 'FR' }]);
  const ana = world.contact(fabrikam, { name: 'Ana', email: 'ana@fabrikam.example' });
  const ben = world.contact(fabrikam, { name: 'Ben', email: 'ben@fabrikam.example' });
  const chloe = world.contact(contoso, { name: 'Chloé', email: 'chloe@contoso.example' });
  // Every document the subgraph sends to the customers subgraph, to count the look-ups.
  const sent: string[] = [];
  const customers: SubgraphClient = {
    request: (query, variables) => {
      sent.push(query);
      return world.customersClient.request(query, variables);
    },
  };
  const adminOf = (customerId: string): Principal => ({
    subject: `admin-${customerId}`,
    role: 'CUSTOMER_ADMIN',
    customerIds: [customerId],
  });
  const reps = (...ids: string[]) => ids.map((id) => ({ __typename: 'Contact', id }));

  beforeAll(async () => {
    db = await createTestDatabase('notifications_contact_references', {
      entities: NOTIFICATIONS_ENTITIES,
      migrations: NOTIFICATIONS_MIGRATIONS,
    });
    ({ schema } = await createNotificationsSubgraph({
      mail: testMailConfig('smtp://127.0.0.1:1'),
      customers,
      incidents: world.incidentsClient,
      devices: world.devicesClient,
      logistics: world.logisticsClient,
    }).build(db.dataSource));
  }, 180_000);
  afterAll(() => db?.drop(), 60_000);
  beforeEach(() => {
    sent.length = 0;
  });

  it('the contacts of one _entities call are one request to the customers subgraph, answered in the representations’ order', async () => {
    const result = await executeOperation<{ _entities: unknown[] }>(schema, CONTACTS, { reps: reps(ben.id, chloe.id, ana.id) });
    expect(result.errors).toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(result.data?._entities.map((entity) => (entity as { id: string } | null)?.id ?? null)).toEqual([ben.id, chloe.id, ana.id]);
  });

  it('a customer admin gets null for another customer’s contact in its place, its own contacts beside it', async () => {
    const result = await executeOperation<{ _entities: unknown[] }>(
      schema,
      CONTACTS,
      { reps: reps(ana.id, chloe.id, ben.id) },
      adminOf(fabrikam.id),
    );
    expect(result.errors).toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(result.data?._entities).toEqual([
      { id: ana.id, notificationPreferences: { contactId: ana.id } },
      null,
      { id: ben.id, notificationPreferences: { contactId: ben.id } },
    ]);
  });
});
