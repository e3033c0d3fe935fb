import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { OutboxEvent } from '@polyplus/events';
import { incidentsSubgraph } from '../incidents-subgraph';
import { FakeWorld } from '../testing/fake-subgraphs';
import { Incident } from './incident.entity';
import { IncidentService } from './incident.service';
import { IncidentLifecycleService } from './incident-lifecycle.service';
import { ContactChannel } from './contact-channel';
import { RootCauseKind } from './root-cause-kind';
import { siteCalendars } from './site-calendar';

describe('case lifecycle', () => {
  let db: TestDatabase;
  const world = new FakeWorld();
  const london = world.site();
  let clock = new Date('2026-03-02T17:00:00Z');
  let incidents: IncidentService;
  let lifecycle: IncidentLifecycleService;
  const engineer = 'tsr.jane';

  beforeAll(async () => {
    db = await createTestDatabase('incidents_lifecycle', incidentsSubgraph.database);
    incidents = new IncidentService(db.dataSource, { ...world.directories(), calendars: siteCalendars(), now: () => clock });
    lifecycle = new IncidentLifecycleService(db.dataSource, () => clock);
  });
  afterAll(() => db.drop());

  async function openCase(severity = 2): Promise<Incident> {
    clock = new Date('2026-03-02T17:00:00Z');
    const device = world.device(london);
    return incidents.open({ contactId: world.designatedContact(device.customerId), deviceId: device.id, severity, channel: ContactChannel.PHONE, summary: 'Camera freezes' });
  }

  const topicsOf = async (id: string) => (await db.dataSource.getRepository(OutboxEvent).find({ where: { aggregateKey: id }, order: { sequence: 'ASC' } })).map((e) => e.topic);

  it('a case goes NEW → RESPONDED → IN_PROGRESS → WORKAROUND_PROVIDED → RESOLVED → CLOSED with an audit line and an event per change', async () => {
    const opened = await openCase(2);
    clock = new Date('2026-03-03T08:10:00Z');
    let incident = await lifecycle.respond({ incidentId: opened.id, expectedVersion: 1, engineer });
    expect(incident).toMatchObject({ status: 'RESPONDED', respondedAt: clock, respondedBy: engineer, responseObjectiveMet: true, version: 2 });
    incident = await lifecycle.startWork({ incidentId: opened.id, expectedVersion: 2, engineer });
    incident = await lifecycle.provideWorkaround({ incidentId: opened.id, expectedVersion: 3, engineer, workaround: 'Disable HDR', fixExpectedInRelease: '4.2.1' });
    incident = await lifecycle.resolve({ incidentId: opened.id, expectedVersion: 4, engineer, resolution: 'Firmware 4.2.1 installed' });
    incident = await lifecycle.close({ incidentId: opened.id, expectedVersion: 5, engineer });
    expect(await incidents.findById(opened.id)).toMatchObject({ status: 'CLOSED', workaround: 'Disable HDR', fixExpectedInRelease: '4.2.1', version: 6 });
    const trail = await incidents.auditTrail(opened.id);
    expect(trail.map((entry) => [entry.fromStatus, entry.toStatus, entry.actor])).toEqual([
      [null, 'NEW', expect.stringMatching(/^contact:/)],
      ['NEW', 'RESPONDED', engineer],
      ['RESPONDED', 'IN_PROGRESS', engineer],
      ['IN_PROGRESS', 'WORKAROUND_PROVIDED', engineer],
      ['WORKAROUND_PROVIDED', 'RESOLVED', engineer],
      ['RESOLVED', 'CLOSED', engineer],
    ]);
    expect(await topicsOf(opened.id)).toEqual(['incident.opened', ...Array(5).fill('incident.status-changed')]);
  });

  it('a first contact after the due instant records the response objective as missed', async () => {
    const opened = await openCase(2);
    clock = new Date('2026-03-03T08:31:00Z');
    expect(await lifecycle.respond({ incidentId: opened.id, expectedVersion: 1, engineer })).toMatchObject({ responseObjectiveMet: false });
  });

  it('an illegal transition is refused with CONFLICT and changes nothing', async () => {
    const opened = await openCase();
    await expect(lifecycle.resolve({ incidentId: opened.id, expectedVersion: 1, engineer, resolution: 'x' }))
      .rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await incidents.findById(opened.id)).toMatchObject({ status: 'NEW', version: 1 });
    expect(await topicsOf(opened.id)).toEqual(['incident.opened']);
  });

  it('two concurrent updates — one succeeds, one gets CONFLICT', async () => {
    const opened = await openCase();
    const results = await Promise.allSettled([
      lifecycle.respond({ incidentId: opened.id, expectedVersion: 1, engineer: 'tsr.a' }),
      lifecycle.recordRootCause({ incidentId: opened.id, expectedVersion: 1, engineer: 'tsr.b', kind: RootCauseKind.KNOWN_ISSUE, reference: 'EN-123' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(rejected.reason).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect((await incidents.findById(opened.id))?.version).toBe(2);
    expect(await incidents.auditTrail(opened.id)).toHaveLength(2);
  });

  it('an update based on a version someone else already changed gets CONFLICT', async () => {
    const opened = await openCase();
    await lifecycle.respond({ incidentId: opened.id, expectedVersion: 1, engineer });
    await expect(lifecycle.recordRootCause({ incidentId: opened.id, expectedVersion: 1, engineer, kind: RootCauseKind.NEW_ISSUE, reference: 'EN-9' }))
      .rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('a workaround for a Severity 1 or 2 case must name the release expected to carry the fix; Severity 3 need not', async () => {
    const major = await openCase(2);
    await lifecycle.respond({ incidentId: major.id, expectedVersion: 1, engineer });
    await lifecycle.startWork({ incidentId: major.id, expectedVersion: 2, engineer });
    await expect(lifecycle.provideWorkaround({ incidentId: major.id, expectedVersion: 3, engineer, workaround: 'Reboot' }))
      .rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'fixExpectedInRelease' } });
    const minor = await openCase(3);
    await lifecycle.respond({ incidentId: minor.id, expectedVersion: 1, engineer });
    await lifecycle.startWork({ incidentId: minor.id, expectedVersion: 2, engineer });
    expect(await lifecycle.provideWorkaround({ incidentId: minor.id, expectedVersion: 3, engineer, workaround: 'Reboot' })).toMatchObject({ status: 'WORKAROUND_PROVIDED', fixExpectedInRelease: null });
  });

  it('a root cause links the case to a known issue, a new issue-tracker entry or a feature request', async () => {
    const opened = await openCase();
    let version = 1;
    for (const [kind, reference] of [[RootCauseKind.KNOWN_ISSUE, 'KI-77'], [RootCauseKind.NEW_ISSUE, 'EN-4242'], [RootCauseKind.FEATURE_REQUEST, 'FR-12']] as const) {
      const incident = await lifecycle.recordRootCause({ incidentId: opened.id, expectedVersion: version, engineer, kind, reference });
      expect(incident).toMatchObject({ rootCauseKind: kind, rootCauseReference: reference });
      version = incident.version;
    }
    expect(await topicsOf(opened.id)).toEqual(['incident.opened', 'incident.updated', 'incident.updated', 'incident.updated']);
  });
});
