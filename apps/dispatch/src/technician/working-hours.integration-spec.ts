import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { OutboxEvent } from '@polyplus/events';
import { OnsiteVisit, RegionPlanStore, Technician, workingWeek } from '@polyplus/dispatch-data';
import { dispatchSubgraph } from '../dispatch-subgraph';
import { RecordingTrigger } from '../testing/recording-trigger';
import { addRoomVisit } from '../testing/room-fixtures';
import { PlannerService } from '../planner/planner.service';
import { TechnicianService } from './technician.service';
import type { CreateTechnicianInput } from './dto/create-technician.input';

// December 2026 in London (on UTC): Wednesday 2, Friday 4, Saturday 5. Sites are open 08:00–17:30 on weekdays only.
const at = (clock: string, day: string) => new Date(`${day}T${clock}:00Z`);
const FRIDAY = '2026-12-04';
const SATURDAY = '2026-12-05';
const FRIDAY_AND_SATURDAY = [
  { weekday: 5, from: '08:00', to: '13:00' },
  { weekday: 6, from: '09:00', to: '13:00' },
];

describe('technicians’ working hours per weekday', () => {
  let db: TestDatabase;
  let technicians: TechnicianService;
  let planner: PlannerService;
  const trigger = new RecordingTrigger();
  const base = {
    region: 'WEEK',
    skills: ['ROOM'],
    homeLatitude: 51.45,
    homeLongitude: -0.1,
    timeZone: 'Europe/London',
    maxDailyWorkMinutes: 600,
  };
  const create = (input: Partial<CreateTechnicianInput>) => technicians.create({ name: 'Sam', ...base, ...input } as CreateTechnicianInput);
  const visits = () => db.dataSource.getRepository(OnsiteVisit);
  const addVisit = (overrides: Partial<OnsiteVisit> = {}) => addRoomVisit(db.dataSource, 'WEEK', overrides);
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: { message: string; extensions?: Record<string, unknown> }) => ({ ...error.extensions, message: error.message }),
    );

  beforeAll(async () => {
    db = await createTestDatabase('dispatch_week', dispatchSubgraph.database);
    technicians = new TechnicianService(db.dataSource, trigger);
    planner = new PlannerService(db.dataSource, trigger);
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('a technician created without working hours works workFrom–workTo Monday to Friday, as before', async () => {
    const created = await create({ workFrom: '07:30', workTo: '16:00' });
    const stored = await db.dataSource.getRepository(Technician).findOneByOrFail({ id: created.id });
    expect(stored.weeklyHours).toBeNull();
    expect(workingWeek(stored).map((day) => [day.weekday, day.from, day.to])).toEqual(
      [1, 2, 3, 4, 5].map((weekday) => [weekday, '07:30', '16:00']),
    );
  });

  it('a technician created with a week works exactly those days and hours', async () => {
    const created = await create({ workingHours: [FRIDAY_AND_SATURDAY[1], FRIDAY_AND_SATURDAY[0]] });
    const stored = await db.dataSource.getRepository(Technician).findOneByOrFail({ id: created.id });
    expect(stored.weeklyHours).toEqual(FRIDAY_AND_SATURDAY);
    expect(workingWeek(stored)).toEqual(FRIDAY_AND_SATURDAY.map((day) => expect.objectContaining(day)));
  });

  it('a weekday outside 1–7, a duplicate weekday, a bad time or a day that does not end after it starts is BAD_USER_INPUT naming the field, and nothing is stored', async () => {
    const sam = await create({});
    const cases: [{ weekday: number; from: string; to: string }[], string][] = [
      [[{ weekday: 0, from: '08:00', to: '13:00' }], 'workingHours[0].weekday'],
      [[{ weekday: 8, from: '08:00', to: '13:00' }], 'workingHours[0].weekday'],
      [
        [
          { weekday: 5, from: '08:00', to: '13:00' },
          { weekday: 5, from: '14:00', to: '17:00' },
        ],
        'workingHours[1].weekday',
      ],
      [[{ weekday: 5, from: '8 am', to: '13:00' }], 'workingHours[0].from'],
      [[{ weekday: 5, from: '08:00', to: '25:00' }], 'workingHours[0].to'],
      [[{ weekday: 5, from: '13:00', to: '08:00' }], 'workingHours[0].to'],
    ];
    for (const [workingHours, field] of cases) {
      expect(await refusal(technicians.setWorkingHours(sam.id, workingHours))).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await refusal(create({ workingHours }))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await refusal(create({ workingHours: FRIDAY_AND_SATURDAY, workFrom: '08:00' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'workingHours',
    });
    expect(await refusal(create({ workFrom: '17:00', workTo: '08:00' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workTo' });
    expect((await db.dataSource.getRepository(Technician).findOneByOrFail({ id: sam.id })).weeklyHours).toBeNull();
    expect(await refusal(technicians.setWorkingHours(randomUUID(), FRIDAY_AND_SATURDAY))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a technician who stops at 13:00 on Fridays can be moved onto a Friday morning visit, and not a Friday afternoon one: the refusal names Friday’s hours', async () => {
    const sam = await create({ workingHours: FRIDAY_AND_SATURDAY });
    const morning = await planner.move((await addVisit()).id, sam.id, at('09:00', FRIDAY));
    expect(morning).toMatchObject({ technicianId: sam.id, windowStart: at('09:00', FRIDAY), pinned: true });
    expect((await planner.placement(morning))?.constraints).toContain('Shift: Sam works on Friday (08:00–13:00 Europe/London)');
    const afternoon = await addVisit();
    const error = await refusal(planner.move(afternoon.id, sam.id, at('14:00', FRIDAY)));
    expect(error).toEqual(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'Fri 4 Dec 14:00–16:00 is outside Sam’s working hours on Friday (08:00–13:00 Europe/London)',
      }),
    );
    expect(await visits().findOneByOrFail({ id: afternoon.id })).toMatchObject({ status: 'UNPLANNED', technicianId: null });
  });

  it('a technician who works Saturdays still cannot be moved onto a Saturday visit, because sites are closed at weekends; one off on Wednesdays is refused naming the day off', async () => {
    const sam = await create({ workingHours: FRIDAY_AND_SATURDAY });
    expect(await refusal(planner.move((await addVisit()).id, sam.id, at('10:00', SATURDAY)))).toEqual(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/outside the site’s business hours$/) }),
    );
    expect(await refusal(planner.move((await addVisit()).id, sam.id, at('10:00', '2026-12-02')))).toEqual(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'Wed 2 Dec 10:00–12:00 is outside Sam’s working hours on Wednesday (a day off, Europe/London)',
      }),
    );
  });

  it('changing a technician’s week moves the plan version on, releases the pins outside the new hours, publishes UNPINNED and asks for a re-plan', async () => {
    const sam = await create({ name: 'Sam' });
    const friday = await planner.move((await addVisit()).id, sam.id, at('14:00', FRIDAY));
    const monday = await planner.move((await addVisit()).id, sam.id, at('10:00', '2026-11-30'));
    const store = new RegionPlanStore(db.dataSource);
    const [version, requests] = [(await store.findPlan('WEEK'))?.version ?? 0, trigger.requested.length];
    const updated = await technicians.setWorkingHours(sam.id, [{ weekday: 1, from: '08:00', to: '17:00' }, ...FRIDAY_AND_SATURDAY]);
    expect(workingWeek(updated).map((day) => day.weekday)).toEqual([1, 5, 6]);
    expect((await store.findPlan('WEEK'))?.version).toBe(version + 1);
    expect(trigger.requested.length).toBe(requests + 1);
    expect(trigger.requested.at(-1)).toBe('WEEK');
    expect(await visits().findOneByOrFail({ id: friday.id })).toMatchObject({ pinned: false });
    expect(await visits().findOneByOrFail({ id: monday.id })).toMatchObject({ pinned: true });
    const changes = (await db.dataSource.getRepository(OutboxEvent).findBy({ aggregateKey: friday.id })).map(
      (row) => JSON.parse(row.payload).change,
    );
    expect(changes).toEqual(['MOVED', 'UNPINNED']);
  });
});
