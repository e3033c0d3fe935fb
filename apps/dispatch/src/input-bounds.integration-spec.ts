import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { deleteRedisKeys, executeOperation, uniqueTestPrefix } from '@polyplus/testing';
import { OnsiteVisit, Technician } from '@polyplus/dispatch-data';
import { createDispatchSubgraph } from './dispatch-subgraph';
import { addRoomVisit, roomTechnician } from './testing/room-fixtures';

const CREATE_TECHNICIAN = 'mutation ($input: CreateTechnicianInput!) { createTechnician(input: $input) { id skills } }';
const RECORD_ABSENCE = 'mutation ($input: RecordTechnicianAbsenceInput!) { recordTechnicianAbsence(input: $input) { id } }';
const REQUEST_VISIT = 'mutation ($input: RequestOnsiteVisitInput!) { requestOnsiteVisit(input: $input) { id } }';
const MOVE =
  'mutation ($id: ID!, $technicianId: ID!, $start: DateTimeISO!) { moveOnsiteVisit(id: $id, technicianId: $technicianId, start: $start) { id windowStart } }';

const TABLES = ['technician', 'technician_absence', 'onsite_visit', 'outbox_event'];

type Case = [rule: string, operation: string, variables: () => Record<string, unknown>, field: string];

describe('dispatch inputs are bounded by their columns and the domain', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let close: (() => Promise<void>) | undefined;
  const prefix = uniqueTestPrefix('dispatch_bounds');
  const tess = roomTechnician('BOUNDS', 'Tess');
  const visitId = randomUUID();

  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (table) => [table, Number((await db.dataSource.query(`SELECT COUNT(*) AS n FROM \`${table}\``))[0].n)]),
      ),
    );
  const visitSnapshot = () => db.dataSource.getRepository(OnsiteVisit).findOneByOrFail({ id: visitId });
  const technician = (overrides: Record<string, unknown> = {}) => ({ input: { name: 'Sam', region: 'BOUNDS', ...overrides } });
  const absence = (overrides: Record<string, unknown> = {}) => ({
    input: { technicianId: tess.id, startsAt: '2026-12-03T00:00:00Z', endsAt: '2026-12-03T23:59:00Z', kind: 'SICK', ...overrides },
  });

  async function expectRefused(operation: string, variables: Record<string, unknown>, field: string) {
    const before = { rows: await counts(), visit: await visitSnapshot() };
    const result = await executeOperation(schema, operation, variables);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((result.errors?.[0].extensions?.fields as { field: string }[]).map((problem) => problem.field)).toContain(field);
    expect({ rows: await counts(), visit: await visitSnapshot() }).toEqual(before);
  }

  beforeAll(async () => {
    db = await createTestDatabase('dispatch_bounds', createDispatchSubgraph().database);
    const built = await createDispatchSubgraph({ queuePrefix: prefix }).build(db.dataSource);
    ({ schema, close } = built);
    await db.dataSource.getRepository(Technician).save(tess);
    await addRoomVisit(db.dataSource, 'BOUNDS', { id: visitId });
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await deleteRedisKeys(prefix);
    await db.drop();
  }, 60_000);

  // Each of these passed validation, then failed in the database (a masked "Internal server error") or stored an impossible value.
  const reachedTheDatabase: Case[] = [
    ['a technician skill of 10,000 characters is refused', CREATE_TECHNICIAN, () => technician({ skills: ['S'.repeat(10_000)] }), 'skills'],
    [
      'technician skills that together overflow their column are refused',
      CREATE_TECHNICIAN,
      () => technician({ skills: Array.from({ length: 100 }, (_, i) => `SKILL-${i}`) }),
      'skills',
    ],
    [
      'a move to a start in year 0000 is refused',
      MOVE,
      () => ({ id: visitId, technicianId: tess.id, start: '0000-01-01T10:00:00Z' }),
      'start',
    ],
    ['an absence starting in year 0000 is refused', RECORD_ABSENCE, () => absence({ startsAt: '0000-01-01T00:00:00Z' }), 'startsAt'],
  ];

  it.each(reachedTheDatabase)(
    '%s, as BAD_USER_INPUT naming the field, and nothing is written',
    async (_rule, operation, variables, field) => {
      await expectRefused(operation, variables(), field);
    },
  );

  // A representative out-of-bounds value for every dispatch input type and instant argument.
  const everyInputType: Case[] = [
    ['a technician name of spaces', CREATE_TECHNICIAN, () => technician({ name: '   ' }), 'name'],
    ['a technician name longer than 200 characters', CREATE_TECHNICIAN, () => technician({ name: 'n'.repeat(201) }), 'name'],
    [
      'a technician skill with a comma (skills are stored comma-separated)',
      CREATE_TECHNICIAN,
      () => technician({ skills: ['ROOM,PHONE'] }),
      'skills',
    ],
    ['a blank technician skill', CREATE_TECHNICIAN, () => technician({ skills: [' '] }), 'skills'],
    ['a technician time zone that is not an IANA zone', CREATE_TECHNICIAN, () => technician({ timeZone: 'Mars/Olympus_Mons' }), 'timeZone'],
    [
      'a technician week of more than seven days',
      CREATE_TECHNICIAN,
      () => technician({ workingHours: Array.from({ length: 8 }, (_, i) => ({ weekday: (i % 7) + 1, from: '08:00', to: '12:00' })) }),
      'workingHours',
    ],
    [
      'a technician working more than 720 minutes a day',
      CREATE_TECHNICIAN,
      () => technician({ maxDailyWorkMinutes: 721 }),
      'maxDailyWorkMinutes',
    ],
    ['an absence ending in year 3000', RECORD_ABSENCE, () => absence({ endsAt: '3000-01-01T00:00:00Z' }), 'endsAt'],
    [
      'a visit released in year 0000',
      REQUEST_VISIT,
      () => ({ input: { incidentId: randomUUID(), siteId: randomUUID(), region: 'BOUNDS', releaseAt: '0000-06-01T00:00:00Z' } }),
      'releaseAt',
    ],
    ['a move to a start in year 1969', MOVE, () => ({ id: visitId, technicianId: tess.id, start: '1969-12-01T10:00:00Z' }), 'start'],
  ];

  it.each(everyInputType)('%s is BAD_USER_INPUT naming the field, and nothing is written', async (_rule, operation, variables, field) => {
    await expectRefused(operation, variables(), field);
  });

  it('a region board for a day in year 0000 or in month 13 is BAD_USER_INPUT naming date', async () => {
    for (const date of ['0000-01-01', '2026-13-01']) {
      const result = await executeOperation(
        schema,
        'query ($date: String!) { regionBoard(region: "BOUNDS", date: $date) { planVersion } }',
        { date },
      );
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'date' }] });
    }
  });

  it('the most the bounds allow is stored: 20 skills of 24 characters fill the skills column exactly', async () => {
    const skills = Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, '0')}${'S'.repeat(22)}`);
    const result = await executeOperation<{ createTechnician: { id: string; skills: string[] } }>(
      schema,
      CREATE_TECHNICIAN,
      technician({ skills }),
    );
    expect(result.errors).toBeUndefined();
    expect((await db.dataSource.getRepository(Technician).findOneByOrFail({ id: result.data!.createTechnician.id })).skills).toEqual(
      skills,
    );
  });
});
