import { decodeOutbox } from '@polyplus/events';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { OnsiteVisit, OnsiteVisitStatus, Technician } from '@polyplus/dispatch-data';
import { dispatchSubgraph } from '../dispatch-subgraph';
import { RecordingTrigger } from '../testing/recording-trigger';
import { PlannerService } from './planner.service';

describe('planner', () => {
  let db: TestDatabase;
  let planner: PlannerService;
  const trigger = new RecordingTrigger();
  const technicianId = randomUUID();
  const visit = (overrides: Partial<OnsiteVisit>) =>
    db.dataSource.getRepository(OnsiteVisit).save(
      db.dataSource.getRepository(OnsiteVisit).create({
        id: randomUUID(),
        incidentId: randomUUID(),
        siteId: randomUUID(),
        region: 'PLAN',
        status: OnsiteVisitStatus.UNPLANNED,
        technicianId: null,
        windowStart: null,
        windowEnd: null,
        ...overrides,
      }),
    );

  beforeAll(async () => {
    db = await createTestDatabase('dispatch_planner', dispatchSubgraph.database);
    planner = new PlannerService(db.dataSource, trigger);
    await db.dataSource.getRepository(Technician).save({ id: technicianId, name: 'Tess', region: 'PLAN', skills: [] });
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('a technician’s schedule lists the stops in the range in time order with travel and slack', async () => {
    const later = await visit({
      status: OnsiteVisitStatus.PLANNED,
      technicianId,
      arrivalAt: new Date('2026-12-01T12:50:00Z'),
      windowStart: new Date('2026-12-01T13:00:00Z'),
      windowEnd: new Date('2026-12-01T14:00:00Z'),
      travelMinutes: 20,
    });
    const earlier = await visit({
      status: OnsiteVisitStatus.PLANNED,
      technicianId,
      arrivalAt: new Date('2026-12-01T09:00:00Z'),
      windowStart: new Date('2026-12-01T09:00:00Z'),
      windowEnd: new Date('2026-12-01T10:00:00Z'),
      travelMinutes: 30,
    });
    await visit({
      status: OnsiteVisitStatus.PLANNED,
      technicianId,
      windowStart: new Date('2026-12-03T09:00:00Z'),
      windowEnd: new Date('2026-12-03T10:00:00Z'),
    });
    const schedule = await planner.technicianSchedule(technicianId, new Date('2026-12-01T00:00:00Z'), new Date('2026-12-02T00:00:00Z'));
    expect(schedule.stops.map((stop) => [stop.visit.id, stop.travelMinutes, stop.slackMinutes])).toEqual([
      [earlier.id, 30, 0],
      [later.id, 20, 10],
    ]);
  });

  it('pinning a visit that has no slot yet is refused with CONFLICT', async () => {
    const unplanned = await visit({ unassignedReason: 'NO_FEASIBLE_SLOT' });
    await expect(planner.pin(unplanned.id)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect((await db.dataSource.getRepository(OnsiteVisit).findOneByOrFail({ id: unplanned.id })).pinned).toBe(false);
  });

  it('unpinning a visit frees it and asks for its region to be re-planned', async () => {
    const pinned = await visit({
      status: OnsiteVisitStatus.PLANNED,
      technicianId,
      pinned: true,
      windowStart: new Date('2026-12-02T09:00:00Z'),
      windowEnd: new Date('2026-12-02T10:00:00Z'),
    });
    await planner.unpin(pinned.id);
    expect((await db.dataSource.getRepository(OnsiteVisit).findOneByOrFail({ id: pinned.id })).pinned).toBe(false);
    expect(trigger.requested).toEqual(['PLAN']);
  });

  it('every event the producers wrote above decodes through the event contract', async () => {
    const { topics, refused } = await decodeOutbox(db.dataSource);
    expect(topics).toEqual(expect.arrayContaining(['visit.changed']));
    expect(refused).toEqual([]);
  });
});
