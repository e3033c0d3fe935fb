import { randomUUID } from 'node:crypto';
import { createTestDatabase, pendingSchemaChanges, type TestDatabase } from '@polyplus/persistence';
import type { SubgraphClient } from '@polyplus/subgraph-kit';
import { logisticsSubgraph } from '../logistics-subgraph';
import { ReplacementOrder } from './replacement-order.entity';
import { ReplacementOrderService } from './replacement-order.service';
import { IncidentDirectory } from './incident-directory';

const knownIncident = randomUUID();
// The incidents subgraph answers `incident(id:)`: one case exists.
const incidentsSubgraphClient: SubgraphClient = {
  request: async <T>(_query: string, variables?: Record<string, unknown>) =>
    ({ incident: variables?.id === knownIncident ? { id: knownIncident } : null }) as T,
};

describe('replacement orders', () => {
  let db: TestDatabase;
  let orders: ReplacementOrderService;

  beforeAll(async () => {
    db = await createTestDatabase('logistics', logisticsSubgraph.database);
    orders = new ReplacementOrderService(db.dataSource, new IncidentDirectory(incidentsSubgraphClient));
  });
  afterAll(() => db.drop());

  it('migrations create exactly the schema the entities describe', async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });

  it('an order is recorded against its support case', async () => {
    const order = await orders.order({ incidentId: knownIncident, partNumber: '2215-61234' });
    expect(await orders.listForIncident(knownIncident)).toEqual([expect.objectContaining({ id: order.id, status: 'ORDERED', partNumber: '2215-61234' })]);
  });

  it('an order for an unknown case is refused with NOT_FOUND and nothing is written', async () => {
    const before = await db.dataSource.getRepository(ReplacementOrder).count();
    await expect(orders.order({ incidentId: randomUUID(), partNumber: '2215-61234' })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await db.dataSource.getRepository(ReplacementOrder).count()).toBe(before);
  });
});
