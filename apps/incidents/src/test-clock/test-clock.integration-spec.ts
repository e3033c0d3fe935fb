import { randomUUID } from 'node:crypto';
import { parse, validate, type GraphQLSchema } from 'graphql';
import type { Principal } from '@polyplus/auth';
import { createServiceClock, type ServiceClock } from '@polyplus/clock';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { deleteRedisKeys, executeOperation, operationData } from '@polyplus/testing';
import { createIncidentsSubgraph, incidentsSubgraph } from '../incidents-subgraph';
import { FakeWorld } from '../testing/fake-subgraphs';
import { TestClockResolver } from './test-clock.resolver';

const PLANNER: Principal = { subject: 'pat', role: 'DISPATCH_PLANNER', customerIds: [] };
const SET =
  'mutation ($input: SetTestClockInput!) { setTestClock(input: $input) { mode now frozenAt offsetMinutes setBy appliedBy listening } }';

describe('the test clock through the incidents subgraph', () => {
  const world = new FakeWorld();
  const site = world.site('GB', 'Europe/London', 'ENG');
  const prefix = `test-test-clock-${randomUUID()}`;
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let clock: ServiceClock;

  beforeAll(async () => {
    db = await createTestDatabase('incidents_test_clock', incidentsSubgraph.database);
    clock = createServiceClock({ prefix, env: { NODE_ENV: 'test' } });
    await clock.start();
    ({ schema } = await createIncidentsSubgraph({
      devices: world.devicesClient,
      customers: world.customersClient,
      clock,
      queuePrefix: prefix,
    }).build(db.dataSource));
  }, 120_000);

  afterAll(async () => {
    await clock.close();
    await deleteRedisKeys(prefix);
    await db.drop();
  }, 60_000);

  it('staff freeze the clock: every rule of the service reads the frozen instant (a case opened now is logged then)', async () => {
    const { setTestClock } = await operationData<{ setTestClock: Record<string, unknown> }>(
      schema,
      SET,
      { input: { frozenAt: '2027-03-05T15:01:00Z' } },
      PLANNER,
    );
    expect(setTestClock).toEqual({
      mode: 'FROZEN',
      now: '2027-03-05T15:01:00.000Z',
      frozenAt: '2027-03-05T15:01:00.000Z',
      offsetMinutes: null,
      setBy: 'DISPATCH_PLANNER:pat',
      appliedBy: 1,
      listening: 1,
    });
    const device = world.device(site);
    const { openIncident } = await operationData<{ openIncident: { reportedAt: string; responseDueAt: string } }>(
      schema,
      'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { reportedAt responseDueAt } }',
      {
        input: {
          contactId: world.designatedContact(device.customerId),
          deviceId: device.id,
          severity: 1,
          channel: 'PHONE',
          summary: 'Room dark',
        },
      },
    );
    // Friday 15:01 London: Severity 1 due 30 business minutes later.
    expect(openIncident).toEqual({ reportedAt: '2027-03-05T15:01:00.000Z', responseDueAt: '2027-03-05T15:31:00.000Z' });
  });

  it('an offset moves real time by whole minutes; reset returns to real time', async () => {
    const { setTestClock } = await operationData<{ setTestClock: { mode: string; now: string; offsetMinutes: number } }>(schema, SET, {
      input: { offsetMinutes: -24 * 60 },
    });
    expect(setTestClock.mode).toBe('OFFSET');
    expect(setTestClock.offsetMinutes).toBe(-1440);
    expect(Math.abs(Date.parse(setTestClock.now) - (Date.now() - 86_400_000))).toBeLessThan(5_000);
    const { resetTestClock } = await operationData<{ resetTestClock: { mode: string; now: string } }>(
      schema,
      'mutation { resetTestClock { mode now } }',
    );
    expect(resetTestClock.mode).toBe('SYSTEM');
    expect(Math.abs(Date.parse(resetTestClock.now) - Date.now())).toBeLessThan(5_000);
  });

  it('a change names exactly one of frozenAt and offsetMinutes, within bounds: BAD_USER_INPUT naming the field otherwise, and the clock stays', async () => {
    for (const input of [
      {},
      { frozenAt: '2027-03-05T15:01:00Z', offsetMinutes: 5 },
      { offsetMinutes: 60_000_000 },
      { frozenAt: '3001-01-01T00:00:00Z' },
    ]) {
      const refused = await executeOperation(schema, SET, { input });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(clock.state().mode).toBe('SYSTEM');
  });

  it('only vendor staff may read or move the test clock', async () => {
    const admin: Principal = { subject: 'boss', role: 'CUSTOMER_ADMIN', customerIds: [randomUUID()] };
    for (const principal of [admin, { subject: 'p', role: 'PARTNER', customerIds: [] } as Principal]) {
      expect((await executeOperation(schema, SET, { input: { offsetMinutes: 60 } }, principal)).errors?.[0]).toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      expect((await executeOperation(schema, '{ testClock { mode } }', {}, principal)).errors?.[0]).toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
    }
    expect(clock.state().mode).toBe('SYSTEM');
  });

  it('in production the test clock is absent from the schema, and refused should it be reached anyway', async () => {
    const production = createServiceClock({ prefix, env: { NODE_ENV: 'production' } });
    const { schema: productionSchema, sdl } = await createIncidentsSubgraph({
      devices: world.devicesClient,
      customers: world.customersClient,
      clock: production,
    }).build(db.dataSource);
    expect(productionSchema.getMutationType()?.getFields()).not.toHaveProperty('setTestClock');
    expect(productionSchema.getQueryType()?.getFields()).not.toHaveProperty('testClock');
    expect(sdl).not.toMatch(/TestClock/);
    expect(validate(productionSchema, parse(SET)).map((error) => error.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Cannot query field "setTestClock"/)]),
    );
    await expect(
      new TestClockResolver(production).setTestClock({ offsetMinutes: 60 }, {
        principal: { subject: 'x', role: 'SUPPORT_ENGINEER', customerIds: [] },
      } as never),
    ).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
