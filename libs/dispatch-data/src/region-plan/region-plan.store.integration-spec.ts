import { randomUUID } from 'node:crypto';
import { createTestDatabase, pendingSchemaChanges, type TestDatabase } from '@polyplus/persistence';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS } from '../dispatch-database';
import { OnsiteVisit } from '../onsite-visit/onsite-visit.entity';
import { OnsiteVisitStatus } from '../onsite-visit/onsite-visit-status';
import { RegionPlanStore } from './region-plan.store';

describe('region plan store', () => {
  let db: TestDatabase;
  let store: RegionPlanStore;

  beforeAll(async () => {
    db = await createTestDatabase('dispatch_data', { entities: DISPATCH_ENTITIES, migrations: DISPATCH_MIGRATIONS });
    store = new RegionPlanStore(db.dataSource);
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('migrations create exactly the schema the entities describe', async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });

  it('counts only the region’s open visits in a run', async () => {
    const visit = (region: string, status: OnsiteVisitStatus) => ({
      id: randomUUID(),
      incidentId: randomUUID(),
      siteId: randomUUID(),
      region,
      status,
      technicianId: null,
      windowStart: null,
      windowEnd: null,
    });
    await db.dataSource
      .getRepository(OnsiteVisit)
      .insert([
        visit('NL', OnsiteVisitStatus.UNPLANNED),
        visit('NL', OnsiteVisitStatus.PLANNED),
        visit('NL', OnsiteVisitStatus.CANCELLED),
        visit('BE', OnsiteVisitStatus.UNPLANNED),
      ]);
    expect(await store.commitRun('NL', new Date())).toMatchObject({ region: 'NL', version: 1, openVisits: 2 });
  });

  it('concurrent runs of one region commit one after the other: every version exactly once', async () => {
    const plans = await Promise.all(Array.from({ length: 10 }, () => store.commitRun('FR', new Date())));
    expect(plans.map((plan) => plan.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await store.findPlan('FR'))?.version).toBe(10);
  });
});
