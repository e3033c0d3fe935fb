import { randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { OutboxEvent, type OptimiseRegionJob } from '@polyplus/events';
import {
  DISPATCH_ENTITIES,
  DISPATCH_MIGRATIONS,
  OnsiteVisit,
  RegionPlanStore,
  Technician,
  TechnicianAbsence,
  TechnicianAbsenceKind,
} from '@polyplus/dispatch-data';
import { createCalendar, isWithinBusinessHours } from '@polyplus/business-calendar';
import { optimiseRegionProcessor, type ProcessorOptions } from './optimise-region.processor';
import { addTechnician, addVisit, MONDAY_7AM } from './region-fixtures';

const london = createCalendar({ timeZone: 'Europe/London', country: 'GB', subdivision: 'ENG' });
const job = (region: string) =>
  ({ data: { region, reason: 'test' }, updateProgress: async () => undefined }) as unknown as Job<OptimiseRegionJob>;

describe('optimising a region', () => {
  let db: TestDatabase;
  let store: RegionPlanStore;
  const run = (region: string, options: ProcessorOptions = {}) =>
    optimiseRegionProcessor(store, { now: () => MONDAY_7AM, timeLimitMs: 300, ...options })(job(region));
  const reload = (id: string) => db.dataSource.getRepository(OnsiteVisit).findOneByOrFail({ id });

  beforeAll(async () => {
    db = await createTestDatabase('scheduler_plan', { entities: DISPATCH_ENTITIES, migrations: DISPATCH_MIGRATIONS });
    store = new RegionPlanStore(db.dataSource);
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('a visit is never scheduled before its part’s expected delivery nor outside the site’s business hours', async () => {
    await addTechnician(db.dataSource, 'R-RELEASE');
    // The technician works 07:00–19:00: only the site's hours (08:00–17:30) keep the visits inside.
    const early = await addVisit(db.dataSource, 'R-RELEASE');
    const lateDelivery = await addVisit(db.dataSource, 'R-RELEASE', { releaseAt: new Date('2026-11-30T16:00:00Z') });
    await run('R-RELEASE');
    for (const visit of [await reload(early.id), await reload(lateDelivery.id)]) {
      expect(visit.status).toBe('PLANNED');
      expect(isWithinBusinessHours(london, visit.windowStart as Date)).toBe(true);
      expect(isWithinBusinessHours(london, new Date((visit.windowEnd as Date).getTime() - 1))).toBe(true);
      expect((visit.windowEnd as Date).getTime() - (visit.windowStart as Date).getTime()).toBe(120 * 60_000);
    }
    expect((await reload(lateDelivery.id)).windowStart!.getTime()).toBeGreaterThanOrEqual(new Date('2026-12-01T08:00:00Z').getTime());
  });

  it('planned arrivals and starts fall on whole minutes, even when the run starts mid-minute', async () => {
    await addTechnician(db.dataSource, 'R-MINUTES');
    const visits = await Promise.all([
      addVisit(db.dataSource, 'R-MINUTES'),
      addVisit(db.dataSource, 'R-MINUTES', { latitude: 51.47, longitude: -0.45 }),
    ]);
    await run('R-MINUTES', { now: () => new Date(MONDAY_7AM.getTime() + 17_345) });
    for (const { id } of visits) {
      const visit = await reload(id);
      expect(visit.status).toBe('PLANNED');
      expect([visit.windowStart!.getTime() % 60_000, visit.arrivalAt!.getTime() % 60_000]).toEqual([0, 0]);
    }
  });

  it('visits start as soon as their parts allow: an idle skilled technician takes work today rather than the nearest one doing it tomorrow', async () => {
    const near = await addTechnician(db.dataSource, 'R-SPREAD', { homeLatitude: 51.5, homeLongitude: -0.12 });
    const far = await addTechnician(db.dataSource, 'R-SPREAD', { homeLatitude: 51.6, homeLongitude: -0.3 });
    const visits = await Promise.all(
      Array.from({ length: 6 }, (_, i) => addVisit(db.dataSource, 'R-SPREAD', { latitude: 51.5 + i * 0.002, longitude: -0.12 })),
    );
    await run('R-SPREAD');
    const planned = await Promise.all(visits.map(({ id }) => reload(id)));
    // Six two-hour visits are more than one technician's day (600 min): both work on Monday.
    expect(planned.every((visit) => visit.windowStart!.toISOString().startsWith('2026-11-30'))).toBe(true);
    expect(new Set(planned.map((visit) => visit.technicianId))).toEqual(new Set([near.id, far.id]));
  });

  it('a part delayed by a carrier exception moves the visit to a later feasible slot within one optimisation run', async () => {
    await addTechnician(db.dataSource, 'R-DELAY');
    const visit = await addVisit(db.dataSource, 'R-DELAY', { releaseAt: new Date('2026-11-30T09:00:00Z') });
    await run('R-DELAY');
    expect((await reload(visit.id)).windowStart!.getTime()).toBeLessThan(new Date('2026-12-01T00:00:00Z').getTime());
    const delayedTo = new Date('2026-12-02T12:00:00Z');
    await db.dataSource.getRepository(OnsiteVisit).update(visit.id, { releaseAt: delayedTo });
    await run('R-DELAY');
    const moved = await reload(visit.id);
    expect(moved.status).toBe('PLANNED');
    expect(moved.windowStart!.getTime()).toBeGreaterThanOrEqual(delayedTo.getTime());
    expect(isWithinBusinessHours(london, moved.windowStart as Date)).toBe(true);
  });

  it('a technician’s absence re-plans their visits to others', async () => {
    const first = await addTechnician(db.dataSource, 'R-ABSENCE');
    const second = await addTechnician(db.dataSource, 'R-ABSENCE', { homeLatitude: 52.2, homeLongitude: 0.12 });
    const visit = await addVisit(db.dataSource, 'R-ABSENCE');
    await run('R-ABSENCE');
    const assigned = (await reload(visit.id)).technicianId;
    expect([first.id, second.id]).toContain(assigned);
    await db.dataSource.getRepository(TechnicianAbsence).insert({
      id: randomUUID(),
      technicianId: assigned as string,
      kind: TechnicianAbsenceKind.SICK,
      startsAt: MONDAY_7AM,
      endsAt: new Date('2026-12-12T00:00:00Z'),
    });
    await run('R-ABSENCE');
    const replanned = await reload(visit.id);
    expect(replanned.status).toBe('PLANNED');
    expect(replanned.technicianId).toBe(assigned === first.id ? second.id : first.id);
  });

  it('a run that finishes after a newer one does not overwrite it', async () => {
    await addTechnician(db.dataSource, 'R-STALE');
    const visit = await addVisit(db.dataSource, 'R-STALE');
    let newer: Awaited<ReturnType<typeof run>> | undefined;
    // The slow run reads version 0, then a newer run commits version 1 before the slow one commits.
    const slow = await run('R-STALE', { beforeCommit: async () => void (newer = await run('R-STALE')) });
    expect(newer).toMatchObject({ version: 1, stale: false });
    expect(slow).toMatchObject({ version: null, stale: true });
    expect((await store.findPlan('R-STALE'))?.version).toBe(1);
    expect((await reload(visit.id)).planVersion).toBe(1);
  });

  it('a pinned visit stays put', async () => {
    const first = await addTechnician(db.dataSource, 'R-PIN');
    await addTechnician(db.dataSource, 'R-PIN');
    const pinnedStart = new Date('2026-12-01T13:00:00Z');
    const pinned = await addVisit(db.dataSource, 'R-PIN', {
      pinned: true,
      technicianId: first.id,
      windowStart: pinnedStart,
      windowEnd: new Date('2026-12-01T15:00:00Z'),
      status: 'PLANNED' as OnsiteVisit['status'],
    });
    await addVisit(db.dataSource, 'R-PIN');
    await run('R-PIN');
    await run('R-PIN');
    expect(await reload(pinned.id)).toMatchObject({ status: 'PLANNED', technicianId: first.id, windowStart: pinnedStart });
  });

  it('a visit no technician is skilled for stays unplanned with that reason', async () => {
    await addTechnician(db.dataSource, 'R-SKILL');
    const visit = await addVisit(db.dataSource, 'R-SKILL', { requiredSkills: ['MRI-SCANNER'] });
    await run('R-SKILL');
    expect(await reload(visit.id)).toMatchObject({ status: 'UNPLANNED', unassignedReason: 'NO_SKILLED_TECHNICIAN', technicianId: null });
  });

  it('a committed plan publishes visit.changed for each visit whose technician, window or status changed, and none for the rest', async () => {
    await addTechnician(db.dataSource, 'R-EVENTS');
    const steady = await addVisit(db.dataSource, 'R-EVENTS');
    const delayed = await addVisit(db.dataSource, 'R-EVENTS', { releaseAt: new Date('2026-11-30T09:00:00Z') });
    const changesOf = async (visitId: string) =>
      (await db.dataSource.getRepository(OutboxEvent).find({ where: { aggregateKey: visitId }, order: { sequence: 'ASC' } })).map((row) =>
        JSON.parse(row.payload),
      );
    const first = await run('R-EVENTS');
    expect(await changesOf(steady.id)).toEqual([
      expect.objectContaining({ change: 'PLANNED', status: 'PLANNED', planVersion: first.version, region: 'R-EVENTS' }),
    ]);
    const planned = await reload(delayed.id);
    expect((await changesOf(delayed.id))[0]).toMatchObject({
      change: 'PLANNED',
      technicianId: planned.technicianId,
      windowStart: planned.windowStart?.toISOString(),
      windowEnd: planned.windowEnd?.toISOString(),
    });
    // Nothing changed: a re-run commits a new version but publishes nothing.
    await run('R-EVENTS');
    expect(await changesOf(steady.id)).toHaveLength(1);
    expect(await changesOf(delayed.id)).toHaveLength(1);
    await db.dataSource.getRepository(OnsiteVisit).update(delayed.id, { releaseAt: new Date('2026-12-02T12:00:00Z') });
    const third = await run('R-EVENTS');
    expect((await changesOf(delayed.id)).map((event) => [event.change, event.planVersion])).toEqual([
      ['PLANNED', first.version],
      ['MOVED', third.version],
    ]);
  });

  it('a visit whose part is back-ordered waits unplanned until the part has a delivery date', async () => {
    await addTechnician(db.dataSource, 'R-BACKORDER');
    const visit = await addVisit(db.dataSource, 'R-BACKORDER', { replacementOrderId: randomUUID(), releaseAt: null });
    await run('R-BACKORDER');
    expect(await reload(visit.id)).toMatchObject({ status: 'UNPLANNED', unassignedReason: 'PART_ETA_UNKNOWN' });
    await db.dataSource.getRepository(OnsiteVisit).update(visit.id, { releaseAt: new Date('2026-12-01T12:00:00Z') });
    await run('R-BACKORDER');
    const planned = await reload(visit.id);
    expect(planned.status).toBe('PLANNED');
    expect(planned.windowStart!.getTime()).toBeGreaterThanOrEqual(new Date('2026-12-01T12:00:00Z').getTime());
  });

  it('a one-day absence moves the technician’s visit off that day', async () => {
    await addTechnician(db.dataSource, 'R-ONEDAY', { homeLatitude: 51.45, homeLongitude: -0.1 });
    await addTechnician(db.dataSource, 'R-ONEDAY', { homeLatitude: 51.6, homeLongitude: -0.3 });
    const visit = await addVisit(db.dataSource, 'R-ONEDAY', { releaseAt: new Date('2026-12-01T08:00:00Z') });
    await run('R-ONEDAY');
    const before = await reload(visit.id);
    const day = before.windowStart!.toISOString().slice(0, 10);
    await db.dataSource.getRepository(TechnicianAbsence).insert({
      id: randomUUID(),
      technicianId: before.technicianId as string,
      kind: TechnicianAbsenceKind.SICK,
      startsAt: new Date(`${day}T00:00:00Z`),
      endsAt: new Date(`${day}T23:59:00Z`),
    });
    await run('R-ONEDAY');
    const after = await reload(visit.id);
    expect(after.status).toBe('PLANNED');
    const sameTechnicianSameDay = after.technicianId === before.technicianId && after.windowStart!.toISOString().slice(0, 10) === day;
    expect(sameTechnicianSameDay).toBe(false);
  });

  it('a technician who stops at 13:00 on Fridays gets no Friday afternoon visit', async () => {
    // The only technician works Friday 08:00–13:00 and Saturday 09:00–13:00; sites are closed on Saturdays.
    await addTechnician(db.dataSource, 'R-FRIDAY', {
      weeklyHours: [
        { weekday: 5, from: '08:00', to: '13:00' },
        { weekday: 6, from: '09:00', to: '13:00' },
      ],
    });
    const visits = await Promise.all([0, 1, 2].map(() => addVisit(db.dataSource, 'R-FRIDAY')));
    await run('R-FRIDAY');
    const planned = (await Promise.all(visits.map(({ id }) => reload(id)))).filter((visit) => visit.status === 'PLANNED');
    expect(planned.length).toBeGreaterThan(0);
    for (const visit of planned) {
      expect(visit.windowStart!.getTime()).toBeGreaterThanOrEqual(new Date('2026-12-04T08:00:00Z').getTime());
      expect(visit.windowEnd!.getTime()).toBeLessThanOrEqual(new Date('2026-12-04T13:00:00Z').getTime());
    }
    // Five hours hold two two-hour visits, not three: what does not fit that morning stays unplanned.
    expect(planned.length).toBeLessThan(3);
  });

  it('a technician whose week changes is re-planned onto the days they now work', async () => {
    const technician = await addTechnician(db.dataSource, 'R-NEWWEEK');
    const visit = await addVisit(db.dataSource, 'R-NEWWEEK');
    await run('R-NEWWEEK');
    expect((await reload(visit.id)).windowStart!.getTime()).toBeLessThan(new Date('2026-12-01T00:00:00Z').getTime());
    await db.dataSource.getRepository(Technician).update(technician.id, { weeklyHours: [{ weekday: 3, from: '12:00', to: '18:00' }] });
    await run('R-NEWWEEK');
    const moved = await reload(visit.id);
    expect(moved).toMatchObject({ status: 'PLANNED', technicianId: technician.id });
    expect(moved.windowStart!.getTime()).toBeGreaterThanOrEqual(new Date('2026-12-02T12:00:00Z').getTime());
    expect(moved.windowEnd!.getTime()).toBeLessThanOrEqual(new Date('2026-12-02T18:00:00Z').getTime());
  });
});
