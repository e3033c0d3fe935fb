import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import type { Principal } from '@polyplus/auth';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { OnsiteVisit, OnsiteVisitStatus, Technician } from '@polyplus/dispatch-data';
import { dispatchSubgraph } from '../dispatch-subgraph';

describe('who sees onsite visits', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let close: (() => Promise<void>) | undefined;
  const acme = randomUUID();
  const globex = randomUUID();
  const incidentId = randomUUID();
  const ids = { acme: randomUUID(), globex: randomUUID() };
  const customer = (customerId: string): Principal => ({
    subject: `admin-${customerId}`,
    role: 'CUSTOMER_ADMIN',
    customerIds: [customerId],
  });
  const planner: Principal = { subject: 'planner', role: 'DISPATCH_PLANNER', customerIds: [] };
  const run = (principal: Principal, source: string, variableValues: Record<string, unknown> = {}) =>
    graphql({ schema, source, variableValues, contextValue: { principal } });

  beforeAll(async () => {
    db = await createTestDatabase('dispatch_ownership', dispatchSubgraph.database);
    const built = await dispatchSubgraph.build(db.dataSource);
    schema = built.schema;
    close = built.close;
    const technicianId = randomUUID();
    await db.dataSource.getRepository(Technician).save({ id: technicianId, name: 'Tess', region: 'OWN', skills: [] });
    const visits = db.dataSource.getRepository(OnsiteVisit);
    for (const [owner, id] of [
      [acme, ids.acme],
      [globex, ids.globex],
    ]) {
      await visits.save(
        visits.create({
          id,
          incidentId,
          siteId: randomUUID(),
          customerId: owner,
          region: 'OWN',
          status: OnsiteVisitStatus.PLANNED,
          technicianId,
          windowStart: new Date('2026-12-01T10:00:00Z'),
          windowEnd: new Date('2026-12-01T11:00:00Z'),
        }),
      );
    }
  }, 180_000);
  afterAll(async () => {
    await close?.();
    await db.drop();
  }, 60_000);

  it('a customer sees its own visit with its customerId, and another customer’s visit not at all', async () => {
    const own = await run(customer(acme), 'query ($id: ID!) { onsiteVisit(id: $id) { id customerId status technician { id } } }', {
      id: ids.acme,
    });
    expect(own.data).toEqual({ onsiteVisit: { id: ids.acme, customerId: acme, status: 'PLANNED', technician: null } });
    const foreign = await run(customer(acme), 'query ($id: ID!) { onsiteVisit(id: $id) { id } }', { id: ids.globex });
    expect(foreign.data).toEqual({ onsiteVisit: null });
  });

  it('a case’s visits list only the caller’s own, also through the federation entity path', async () => {
    const result = await run(
      customer(acme),
      'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Incident { onsiteVisits { id } } ... on OnsiteVisit { id } } }',
      {
        reps: [
          { __typename: 'Incident', id: incidentId },
          { __typename: 'OnsiteVisit', id: ids.globex },
          { __typename: 'OnsiteVisit', id: ids.acme },
        ],
      },
    );
    expect(result.data).toEqual({ _entities: [{ onsiteVisits: [{ id: ids.acme }] }, null, { id: ids.acme }] });
  });

  it('the planning views are for vendor staff: a customer is refused, a planner sees the board with every customer’s visits', async () => {
    const refused = await run(customer(acme), '{ regionBoard(region: "OWN", date: "2026-12-01") { region } }');
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const board = await run(
      planner,
      '{ regionBoard(region: "OWN", date: "2026-12-01") { timeZone schedules { stops { visit { id customerId } } } } }',
    );
    expect(board.errors).toBeUndefined();
    const stops = (board.data as { regionBoard: { schedules: { stops: { visit: { id: string } }[] }[] } }).regionBoard.schedules[0].stops;
    expect(stops.map((stop) => stop.visit.id).sort()).toEqual([ids.acme, ids.globex].sort());
  });
});
