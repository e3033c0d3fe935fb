import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { OnsiteVisit, OnsiteVisitStatus, Technician } from '@polyplus/dispatch-data';
import { dispatchSubgraph } from '../dispatch-subgraph';
import { RecordingTrigger } from '../testing/recording-trigger';
import { PlannerService } from './planner.service';

describe('region board', () => {
  let db: TestDatabase;
  let planner: PlannerService;
  const technicianId = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase('dispatch_board', dispatchSubgraph.database);
    planner = new PlannerService(db.dataSource, new RecordingTrigger());
    await db.dataSource
      .getRepository(Technician)
      .save({ id: technicianId, name: 'Maria', region: 'US-CENTRAL', skills: [], timeZone: 'America/Chicago' });
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('the board’s date is the region’s local day: a 21:00 Monday visit in Chicago is on Monday’s board, not Tuesday’s', async () => {
    const visits = db.dataSource.getRepository(OnsiteVisit);
    // 03:00 UTC on Tuesday is 21:00 on Monday in Chicago (UTC−6 in December).
    const evening = await visits.save(
      visits.create({
        id: randomUUID(),
        incidentId: randomUUID(),
        siteId: randomUUID(),
        region: 'US-CENTRAL',
        status: OnsiteVisitStatus.PLANNED,
        technicianId,
        windowStart: new Date('2026-12-01T03:00:00Z'),
        windowEnd: new Date('2026-12-01T04:00:00Z'),
      }),
    );
    const monday = await planner.regionBoard('US-CENTRAL', '2026-11-30');
    expect(monday.timeZone).toBe('America/Chicago');
    expect(monday.schedules[0].stops.map((stop) => stop.visit.id)).toEqual([evening.id]);
    expect((await planner.regionBoard('US-CENTRAL', '2026-12-01')).schedules[0].stops).toEqual([]);
  });

  it('a region without technicians shows its board in UTC, and a malformed date is BAD_USER_INPUT', async () => {
    expect((await planner.regionBoard('NOWHERE', '2026-12-01')).timeZone).toBe('UTC');
    await expect(planner.regionBoard('US-CENTRAL', '1 Dec')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
