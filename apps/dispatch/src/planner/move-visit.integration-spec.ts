import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { OutboxEvent } from '@polyplus/events';
import {
  OnsiteVisit,
  OnsiteVisitStatus,
  RegionPlanStore,
  Technician,
  TechnicianAbsence,
  TechnicianAbsenceKind,
} from '@polyplus/dispatch-data';
import { dispatchSubgraph } from '../dispatch-subgraph';
import { RecordingTrigger } from '../testing/recording-trigger';
import { addRoomVisit, roomTechnician } from '../testing/room-fixtures';
import { TechnicianAbsenceService } from '../absence/technician-absence.service';
import { PlannerService } from './planner.service';

// Tuesday 1 December 2026: London is on UTC, the site is open 08:00–17:30, technicians work 08:00–17:00.
const at = (clock: string, day = '2026-12-01') => new Date(`${day}T${clock}:00Z`);
const READING = { latitude: 51.4545, longitude: -0.9781 };

describe('moving a visit by hand', () => {
  let db: TestDatabase;
  let planner: PlannerService;
  let absences: TechnicianAbsenceService;
  const trigger = new RecordingTrigger();
  const tess = roomTechnician('MOVE', 'Tess');
  const ned = { ...tess, id: randomUUID(), name: 'Ned', skills: [] };
  const visits = () => db.dataSource.getRepository(OnsiteVisit);
  const addVisit = (overrides: Partial<OnsiteVisit> = {}) => addRoomVisit(db.dataSource, 'MOVE', overrides);
  const snapshot = async (visitId: string) => ({
    visit: await visits().findOneByOrFail({ id: visitId }),
    events: await db.dataSource.getRepository(OutboxEvent).count(),
    version: (await new RegionPlanStore(db.dataSource).findPlan('MOVE'))?.version ?? 0,
    requests: trigger.requested.length,
  });

  beforeAll(async () => {
    db = await createTestDatabase('dispatch_move', dispatchSubgraph.database);
    planner = new PlannerService(db.dataSource, trigger);
    absences = new TechnicianAbsenceService(db.dataSource, trigger);
    await db.dataSource.getRepository(Technician).save([tess, ned]);
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('a feasible move puts the visit on the technician at that start, pins it, publishes MOVED and asks for a re-plan', async () => {
    const visit = await addVisit();
    const moved = await planner.move(visit.id, tess.id, at('10:00'));
    expect(moved).toMatchObject({
      status: 'PLANNED',
      technicianId: tess.id,
      windowStart: at('10:00'),
      windowEnd: at('12:00'),
      pinned: true,
    });
    expect(await visits().findOneByOrFail({ id: visit.id })).toMatchObject({
      status: 'PLANNED',
      technicianId: tess.id,
      windowStart: at('10:00'),
      pinned: true,
    });
    const [event] = await db.dataSource.getRepository(OutboxEvent).findBy({ aggregateKey: visit.id });
    expect(JSON.parse(event.payload)).toMatchObject({
      visitId: visit.id,
      change: 'MOVED',
      technicianId: tess.id,
      windowStart: '2026-12-01T10:00:00.000Z',
      windowEnd: '2026-12-01T12:00:00.000Z',
    });
    expect(trigger.requested).toContain('MOVE');
  });

  const infeasible: [string, () => Promise<Partial<OnsiteVisit>>, () => string, Date, RegExp][] = [
    [
      'before the part’s expected delivery',
      async () => ({ releaseAt: at('12:00', '2026-12-02') }),
      () => tess.id,
      at('13:00'),
      /part is expected Wed 2 Dec 12:00/,
    ],
    ['outside the site’s business hours', async () => ({}), () => tess.id, at('16:30'), /outside the site’s business hours/],
    ['on a Saturday', async () => ({}), () => tess.id, at('10:00', '2026-12-05'), /outside the site’s business hours/],
    [
      'over the technician’s other visit',
      async () => ({}),
      () => tess.id,
      at('11:00'),
      /Tess is already on another visit from 10:00 to 12:00/,
    ],
    [
      'too soon after the previous visit to drive there',
      async () => READING,
      () => tess.id,
      at('12:10'),
      /cannot be on site before 1[34]:\d\d .*travel from the previous visit ending 12:00/,
    ],
    ['by a technician without the skill', async () => ({}), () => ned.id, at('14:00'), /Ned lacks the required skills: ROOM/],
    [
      'on a day the technician is absent',
      async () => {
        await db.dataSource.getRepository(TechnicianAbsence).insert({
          id: randomUUID(),
          technicianId: tess.id,
          kind: TechnicianAbsenceKind.SICK,
          startsAt: at('00:00', '2026-12-03'),
          endsAt: at('23:59', '2026-12-03'),
        });
        return {};
      },
      () => tess.id,
      at('10:00', '2026-12-03'),
      /Tess is absent \(SICK\)/,
    ],
    [
      'into the technician’s training morning',
      async () => {
        await db.dataSource.getRepository(TechnicianAbsence).insert({
          id: randomUUID(),
          technicianId: tess.id,
          kind: TechnicianAbsenceKind.TRAINING,
          startsAt: at('08:00', '2026-12-14'),
          endsAt: at('11:00', '2026-12-14'),
        });
        return {};
      },
      () => tess.id,
      at('09:00', '2026-12-14'),
      /Tess is absent \(TRAINING\) from Mon 14 Dec 08:00 to Mon 14 Dec 11:00/,
    ],
  ];

  it.each(infeasible)(
    'an infeasible move (%s) is CONFLICT with the reason and changes nothing',
    async (_label, setUp, technician, start, reason) => {
      const visit = await addVisit(await setUp());
      const before = await snapshot(visit.id);
      const error = await planner.move(visit.id, technician(), start).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ extensions: { code: 'CONFLICT' } });
      expect((error as Error).message).toMatch(reason);
      expect(await snapshot(visit.id)).toEqual(before);
    },
  );

  it('after a training morning the technician can take a visit in the afternoon, leaving when the training ends', async () => {
    const visit = await addVisit();
    const moved = await planner.move(visit.id, tess.id, at('13:00', '2026-12-14'));
    expect(moved).toMatchObject({ technicianId: tess.id, windowStart: at('13:00', '2026-12-14'), pinned: true });
    expect((await planner.placement(moved))?.constraints).toContain(
      'Shift: Tess works on Monday (08:00–17:00 Europe/London); an absence leaves 11:00–17:00',
    );
  });

  it('50 concurrent moves into one technician slot: exactly one wins, the rest get CONFLICT', async () => {
    const candidates = await Promise.all(Array.from({ length: 50 }, () => addVisit()));
    const results = await Promise.allSettled(candidates.map((visit) => planner.move(visit.id, tess.id, at('09:00', '2026-12-04'))));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(refused.every((result) => (result.reason as { extensions?: { code?: string } }).extensions?.code === 'CONFLICT')).toBe(true);
    expect(await visits().countBy({ technicianId: tess.id, windowStart: at('09:00', '2026-12-04') })).toBe(1);
  });

  it('a placement names the technician and marks the part’s release time as what bounded the start', async () => {
    const visit = await addVisit({
      status: OnsiteVisitStatus.PLANNED,
      technicianId: tess.id,
      releaseAt: at('13:00', '2026-12-07'),
      arrivalAt: at('12:40', '2026-12-07'),
      windowStart: at('13:00', '2026-12-07'),
      windowEnd: at('15:00', '2026-12-07'),
      travelMinutes: 20,
    });
    const placement = await planner.placement(visit);
    expect(placement?.summary).toMatch(
      /^Tess serves it Mon 7 Dec 13:00–15:00 \(Europe\/London\): holds ROOM \(1 technician in MOVE do\); 20 min from home\.$/,
    );
    expect(placement?.constraints[0]).toBe('Release time: the replacement part is expected Mon 7 Dec 13:00 (Europe/London) — binding');
    expect(placement?.constraints).toContain('Business hours: the site is open 08:00–17:30 (Europe/London)');
    expect(await planner.placement(await addVisit())).toBeNull();
  });

  it('a pinned placement says the pin bounds it', async () => {
    const visit = await addVisit();
    const moved = await planner.move(visit.id, tess.id, at('08:30', '2026-12-08'));
    const placement = await planner.placement(moved);
    expect(placement?.constraints[0]).toBe('Pin: a planner fixed this technician and start; re-plans keep it — binding');
  });

  it('recording an absence lists it, unpins the technician’s visits that day and re-plans the region; cancelling removes it', async () => {
    const visit = await addVisit();
    await planner.move(visit.id, tess.id, at('10:00', '2026-12-09'));
    const requests = trigger.requested.length;
    const absence = await absences.record({
      technicianId: tess.id,
      startsAt: at('00:00', '2026-12-09'),
      endsAt: at('00:00', '2026-12-10'),
      kind: TechnicianAbsenceKind.HOLIDAY,
    });
    expect(await absences.list(tess.id, at('00:00', '2026-12-08'), at('00:00', '2026-12-11'))).toEqual([
      expect.objectContaining({ id: absence.id, kind: 'HOLIDAY' }),
    ]);
    expect(await visits().findOneByOrFail({ id: visit.id })).toMatchObject({ pinned: false });
    const changes = (await db.dataSource.getRepository(OutboxEvent).findBy({ aggregateKey: visit.id })).map(
      (row) => JSON.parse(row.payload).change,
    );
    expect(changes).toEqual(['MOVED', 'UNPINNED']);
    expect(trigger.requested.length).toBe(requests + 1);
    await absences.cancel(absence.id);
    expect(await absences.list(tess.id, at('00:00', '2026-12-08'), at('00:00', '2026-12-11'))).toEqual([]);
  });

  it('an absence that ends before it starts is refused with BAD_USER_INPUT', async () => {
    await expect(
      absences.record({ technicianId: tess.id, startsAt: at('10:00'), endsAt: at('09:00'), kind: TechnicianAbsenceKind.OTHER }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
