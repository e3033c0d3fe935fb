import { graphql, type GraphQLSchema } from 'graphql';
import { actorOf, type Principal } from '@polyplus/auth';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { OutboxEvent, decodeOutbox } from '@polyplus/events';
import { createIncidentsSubgraph, incidentsSubgraph } from '../incidents-subgraph';
import { FakeWorld, SUPPORT_DESK } from '../testing/fake-subgraphs';
import { Incident } from './incident.entity';
import { IncidentService } from './incident.service';
import { IncidentLifecycleService } from './incident-lifecycle.service';
import { ContactChannel } from './contact-channel';
import { RootCauseKind } from './root-cause-kind';
import { placeCalendar } from '@polyplus/business-calendar';

describe('case lifecycle', () => {
  let db: TestDatabase;
  const world = new FakeWorld();
  const london = world.site();
  let clock = new Date('2026-03-02T17:00:00Z');
  let incidents: IncidentService;
  let lifecycle: IncidentLifecycleService;
  let schema: GraphQLSchema;
  const engineer = 'tsr.jane';
  const desk = actorOf(SUPPORT_DESK);

  beforeAll(async () => {
    db = await createTestDatabase('incidents_lifecycle', incidentsSubgraph.database);
    incidents = new IncidentService(db.dataSource, { ...world.directories(), calendars: placeCalendar, now: () => clock });
    lifecycle = new IncidentLifecycleService(db.dataSource, () => clock);
    ({ schema } = await createIncidentsSubgraph({ devices: world.devicesClient, customers: world.customersClient, now: () => clock }).build(
      db.dataSource,
    ));
  }, 120_000);
  afterAll(() => db.drop(), 60_000);

  async function openCase(severity = 2): Promise<Incident> {
    clock = new Date('2026-03-02T17:00:00Z');
    const device = world.device(london);
    return incidents.open(
      {
        contactId: world.designatedContact(device.customerId),
        deviceId: device.id,
        severity,
        channel: ContactChannel.PHONE,
        summary: 'Camera freezes',
      },
      SUPPORT_DESK,
    );
  }

  const topicsOf = async (id: string) =>
    (await db.dataSource.getRepository(OutboxEvent).find({ where: { aggregateKey: id }, order: { sequence: 'ASC' } })).map((e) => e.topic);

  it('a case goes NEW → RESPONDED → IN_PROGRESS → WORKAROUND_PROVIDED → RESOLVED → CLOSED with an audit line and an event per change', async () => {
    const opened = await openCase(2);
    clock = new Date('2026-03-03T08:10:00Z');
    let incident = await lifecycle.respond({ incidentId: opened.id, expectedVersion: 1, engineer }, SUPPORT_DESK);
    expect(incident).toMatchObject({ status: 'RESPONDED', respondedAt: clock, respondedBy: desk, responseObjectiveMet: true, version: 2 });
    incident = await lifecycle.startWork({ incidentId: opened.id, expectedVersion: 2, engineer }, SUPPORT_DESK);
    incident = await lifecycle.provideWorkaround(
      { incidentId: opened.id, expectedVersion: 3, engineer, workaround: 'Disable HDR', fixExpectedInRelease: '4.2.1' },
      SUPPORT_DESK,
    );
    incident = await lifecycle.resolve(
      { incidentId: opened.id, expectedVersion: 4, engineer, resolution: 'Firmware 4.2.1 installed' },
      SUPPORT_DESK,
    );
    incident = await lifecycle.close({ incidentId: opened.id, expectedVersion: 5, engineer }, SUPPORT_DESK);
    expect(await incidents.findById(opened.id)).toMatchObject({
      status: 'CLOSED',
      workaround: 'Disable HDR',
      fixExpectedInRelease: '4.2.1',
      version: 6,
    });
    const trail = await incidents.auditTrail(opened.id);
    expect(trail.map((entry) => [entry.fromStatus, entry.toStatus, entry.actor])).toEqual([
      [null, 'NEW', desk],
      ['NEW', 'RESPONDED', desk],
      ['RESPONDED', 'IN_PROGRESS', desk],
      ['IN_PROGRESS', 'WORKAROUND_PROVIDED', desk],
      ['WORKAROUND_PROVIDED', 'RESOLVED', desk],
      ['RESOLVED', 'CLOSED', desk],
    ]);
    expect(await topicsOf(opened.id)).toEqual(['incident.opened', ...Array(5).fill('incident.status-changed')]);
  });

  it('a first contact after the due instant records the response objective as missed', async () => {
    const opened = await openCase(2);
    clock = new Date('2026-03-03T08:31:00Z');
    expect(await lifecycle.respond({ incidentId: opened.id, expectedVersion: 1, engineer }, SUPPORT_DESK)).toMatchObject({
      responseObjectiveMet: false,
    });
  });

  it('an illegal transition is refused with CONFLICT and changes nothing', async () => {
    const opened = await openCase();
    await expect(
      lifecycle.resolve({ incidentId: opened.id, expectedVersion: 1, engineer, resolution: 'x' }, SUPPORT_DESK),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await incidents.findById(opened.id)).toMatchObject({ status: 'NEW', version: 1 });
    expect(await topicsOf(opened.id)).toEqual(['incident.opened']);
  });

  it('two concurrent updates — one succeeds, one gets CONFLICT', async () => {
    const opened = await openCase();
    const results = await Promise.allSettled([
      lifecycle.respond({ incidentId: opened.id, expectedVersion: 1, engineer: 'tsr.a' }, SUPPORT_DESK),
      lifecycle.recordRootCause(
        { incidentId: opened.id, expectedVersion: 1, engineer: 'tsr.b', kind: RootCauseKind.KNOWN_ISSUE, reference: 'EN-123' },
        SUPPORT_DESK,
      ),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(rejected.reason).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect((await incidents.findById(opened.id))?.version).toBe(2);
    expect(await incidents.auditTrail(opened.id)).toHaveLength(2);
  });

  it('an update based on a version someone else already changed gets CONFLICT', async () => {
    const opened = await openCase();
    await lifecycle.respond({ incidentId: opened.id, expectedVersion: 1, engineer }, SUPPORT_DESK);
    await expect(
      lifecycle.recordRootCause(
        { incidentId: opened.id, expectedVersion: 1, engineer, kind: RootCauseKind.NEW_ISSUE, reference: 'EN-9' },
        SUPPORT_DESK,
      ),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('a workaround for a Severity 1 or 2 case must name the release expected to carry the fix; Severity 3 need not', async () => {
    const major = await openCase(2);
    await lifecycle.respond({ incidentId: major.id, expectedVersion: 1, engineer }, SUPPORT_DESK);
    await lifecycle.startWork({ incidentId: major.id, expectedVersion: 2, engineer }, SUPPORT_DESK);
    await expect(
      lifecycle.provideWorkaround({ incidentId: major.id, expectedVersion: 3, engineer, workaround: 'Reboot' }, SUPPORT_DESK),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'fixExpectedInRelease' } });
    const minor = await openCase(3);
    await lifecycle.respond({ incidentId: minor.id, expectedVersion: 1, engineer }, SUPPORT_DESK);
    await lifecycle.startWork({ incidentId: minor.id, expectedVersion: 2, engineer }, SUPPORT_DESK);
    expect(
      await lifecycle.provideWorkaround({ incidentId: minor.id, expectedVersion: 3, engineer, workaround: 'Reboot' }, SUPPORT_DESK),
    ).toMatchObject({ status: 'WORKAROUND_PROVIDED', fixExpectedInRelease: null });
  });

  it('a root cause links the case to a known issue, a new issue-tracker entry or a feature request', async () => {
    const opened = await openCase();
    let version = 1;
    for (const [kind, reference] of [
      [RootCauseKind.KNOWN_ISSUE, 'KI-77'],
      [RootCauseKind.NEW_ISSUE, 'EN-4242'],
      [RootCauseKind.FEATURE_REQUEST, 'FR-12'],
    ] as const) {
      const incident = await lifecycle.recordRootCause(
        { incidentId: opened.id, expectedVersion: version, engineer, kind, reference },
        SUPPORT_DESK,
      );
      expect(incident).toMatchObject({ rootCauseKind: kind, rootCauseReference: reference });
      version = incident.version;
    }
    expect(await topicsOf(opened.id)).toEqual(['incident.opened', 'incident.updated', 'incident.updated', 'incident.updated']);
  });

  it('the audit trail records the verified caller as the actor of every change, whatever name is typed in engineer', async () => {
    const device = world.device(london);
    const contactId = world.designatedContact(device.customerId);
    const technician: Principal = { subject: 'tech-7', role: 'CUSTOMER_TECHNICIAN', customerIds: [device.customerId], contactId };
    const jane: Principal = { subject: 'jane', role: 'SUPPORT_ENGINEER', customerIds: [] };
    const run = async <T>(principal: Principal, source: string, input: Record<string, unknown>): Promise<T> => {
      const result = await graphql({ schema, source, variableValues: { input }, contextValue: { principal } });
      if (result.errors) throw result.errors[0];
      return result.data as T;
    };
    clock = new Date('2026-03-02T17:00:00Z');
    const { openIncident } = await run<{ openIncident: { id: string } }>(
      technician,
      'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
      { contactId, deviceId: device.id, severity: 2, channel: 'PHONE', summary: 'Camera freezes' },
    );
    clock = new Date('2026-03-03T08:10:00Z');
    const { respondToIncident } = await run<{ respondToIncident: { respondedBy: string } }>(
      jane,
      'mutation ($input: IncidentActionInput!) { respondToIncident(input: $input) { respondedBy } }',
      { incidentId: openIncident.id, expectedVersion: 1, engineer: 'The CEO' },
    );
    expect(respondToIncident.respondedBy).toBe('SUPPORT_ENGINEER:jane');
    await run(jane, 'mutation ($input: IncidentActionInput!) { startWorkOnIncident(input: $input) { id } }', {
      incidentId: openIncident.id,
      expectedVersion: 2,
    });
    await run(jane, 'mutation ($input: RecordRootCauseInput!) { recordRootCause(input: $input) { id } }', {
      incidentId: openIncident.id,
      expectedVersion: 3,
      engineer: 'tsr.someone-else',
      kind: 'KNOWN_ISSUE',
      reference: 'KI-1',
    });

    const trail = await incidents.auditTrail(openIncident.id);
    expect(trail.map((entry) => [entry.action, entry.actor, entry.note])).toEqual([
      ['OPENED', 'CUSTOMER_TECHNICIAN:tech-7', 'customer contact 2026-03-02T17:00:00.000Z by PHONE'],
      ['RESPONDED', 'SUPPORT_ENGINEER:jane', '[engineer: The CEO]'],
      ['WORK_STARTED', 'SUPPORT_ENGINEER:jane', null],
      ['ROOT_CAUSE_KNOWN_ISSUE', 'SUPPORT_ENGINEER:jane', 'KI-1 [engineer: tsr.someone-else]'],
    ]);
  });

  it('every event the producers wrote above decodes through the event contract', async () => {
    const { topics, refused } = await decodeOutbox(db.dataSource);
    expect(topics).toEqual(expect.arrayContaining(['incident.opened', 'incident.status-changed']));
    expect(refused).toEqual([]);
  });
});
