import { randomUUID } from 'node:crypto';
import { createTestDatabase, pendingSchemaChanges, type TestDatabase } from '@polyplus/persistence';
import { OutboxEvent } from '@polyplus/events';
import { incidentsSubgraph } from '../incidents-subgraph';
import { FakeWorld, SUPPORT_DESK } from '../testing/fake-subgraphs';
import { Incident } from './incident.entity';
import { IncidentService } from './incident.service';
import { ContactChannel } from './contact-channel';
import { placeCalendar } from '@polyplus/business-calendar';

describe('opening and finding cases', () => {
  let db: TestDatabase;
  const world = new FakeWorld();
  const london = world.site('GB', 'Europe/London');
  let clock = new Date('2026-03-02T17:00:00Z'); // Monday 17:00 in London (GMT)
  let incidents: IncidentService;

  beforeAll(async () => {
    db = await createTestDatabase('incidents', incidentsSubgraph.database);
    incidents = new IncidentService(db.dataSource, { ...world.directories(), calendars: placeCalendar, now: () => clock });
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  function reporter(options: { covered?: boolean } = {}) {
    const device = world.device(london, options);
    return { device, contactId: world.designatedContact(device.customerId) };
  }

  const countIncidents = () => db.dataSource.getRepository(Incident).count();

  it('migrations create exactly the schema the entities describe', async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });

  it('a case belongs to the customer who owns the device, reported when the customer called, with its event in the outbox', async () => {
    const { device, contactId } = reporter();
    const incident = await incidents.open(
      { contactId, deviceId: device.id, severity: 1, channel: ContactChannel.CHAT, summary: '  Room system down  ' },
      SUPPORT_DESK,
    );
    expect(await incidents.findById(incident.id)).toMatchObject({
      customerId: device.customerId,
      siteId: london.id,
      contactId,
      channel: 'CHAT',
      status: 'NEW',
      severity: 1,
      summary: 'Room system down',
      reportedAt: clock,
      contractId: `contract-${device.customerId}`,
      version: 1,
    });
    const events = await db.dataSource.getRepository(OutboxEvent).findBy({ aggregateKey: incident.id });
    expect(events.map((event) => [event.topic, event.publishedAt])).toEqual([['incident.opened', null]]);
    expect((await incidents.auditTrail(incident.id)).map((entry) => [entry.action, entry.toStatus])).toEqual([['OPENED', 'NEW']]);
  });

  it('a non-designated contact is refused (FORBIDDEN) and nothing is written', async () => {
    const { device } = reporter();
    const before = await countIncidents();
    await expect(
      incidents.open(
        { contactId: randomUUID(), deviceId: device.id, severity: 2, channel: ContactChannel.PHONE, summary: 'x' },
        SUPPORT_DESK,
      ),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await countIncidents()).toBe(before);
  });

  it('a designated contact of another customer is refused (FORBIDDEN)', async () => {
    const { device } = reporter();
    const other = reporter();
    await expect(
      incidents.open(
        { contactId: other.contactId, deviceId: device.id, severity: 2, channel: ContactChannel.PHONE, summary: 'x' },
        SUPPORT_DESK,
      ),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('an uncovered device is refused (FORBIDDEN, DEVICE_NOT_COVERED) and nothing is written', async () => {
    const { device, contactId } = reporter({ covered: false });
    const before = await countIncidents();
    await expect(
      incidents.open({ contactId, deviceId: device.id, severity: 3, channel: ContactChannel.WEB, summary: 'x' }, SUPPORT_DESK),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN', reason: 'DEVICE_NOT_COVERED' } });
    expect(await countIncidents()).toBe(before);
  });

  it('a case for a device the registry does not know is refused with NOT_FOUND', async () => {
    await expect(
      incidents.open(
        { contactId: randomUUID(), deviceId: randomUUID(), severity: 2, channel: ContactChannel.WEB, summary: 'x' },
        SUPPORT_DESK,
      ),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('the 17:00 Severity 2 case is due 08:30 next business day', async () => {
    const { device, contactId } = reporter();
    const incident = await incidents.open(
      { contactId, deviceId: device.id, severity: 2, channel: ContactChannel.PHONE, summary: 'Camera freezes' },
      SUPPORT_DESK,
    );
    expect((await incidents.findById(incident.id))?.responseDueAt).toEqual(new Date('2026-03-03T08:30:00Z'));
    expect(incidents.businessMinutesRemaining(incident, clock)).toBe(60);
  });

  it('the support queue lists open cases by due instant with business minutes remaining, overdue ones negative', async () => {
    const { device, contactId } = reporter();
    clock = new Date('2026-03-02T09:00:00Z');
    const early = await incidents.open(
      { contactId, deviceId: device.id, severity: 3, channel: ContactChannel.VIDEO, summary: 'Early minor' },
      SUPPORT_DESK,
    );
    clock = new Date('2026-03-02T17:00:00Z');
    const queue = await incidents.supportQueue();
    const dues = queue.map((incident) => incident.responseDueAt.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(queue[0].id).toBe(early.id); // due 11:00 on Monday, the earliest
    expect(incidents.businessMinutesRemaining(queue[0], clock)).toBe(-360);
  });

  it('a customer’s past cases are found by full-text search, most relevant first, and only that customer’s', async () => {
    const { device, contactId } = reporter();
    const other = reporter();
    const echo = await incidents.open(
      {
        contactId,
        deviceId: device.id,
        severity: 3,
        channel: ContactChannel.WEB,
        summary: 'Echo heard by far end during calls, echo cancellation off',
      },
      SUPPORT_DESK,
    );
    await incidents.open(
      { contactId, deviceId: device.id, severity: 3, channel: ContactChannel.WEB, summary: 'Display flickers after firmware update' },
      SUPPORT_DESK,
    );
    const weak = await incidents.open(
      { contactId, deviceId: device.id, severity: 3, channel: ContactChannel.WEB, summary: 'Calls drop; no echo' },
      SUPPORT_DESK,
    );
    await incidents.open(
      { contactId: other.contactId, deviceId: other.device.id, severity: 3, channel: ContactChannel.WEB, summary: 'Echo in calls' },
      SUPPORT_DESK,
    );
    const found = await incidents.searchForCustomer(device.customerId, 'echo cancellation');
    expect(found.map((incident) => incident.id)).toEqual([echo.id, weak.id]);
  });
});
