import { createTestDatabase, pendingSchemaChanges, type TestDatabase } from '@polyplus/persistence';
import { customersSubgraph } from './customers-subgraph';

describe('customers database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('customers', customersSubgraph.database);
  });
  afterAll(() => db.drop());

  it('migrations create exactly the schema the entities describe', async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });
});
