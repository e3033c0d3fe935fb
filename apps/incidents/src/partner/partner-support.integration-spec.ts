import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { OutboxEvent } from '@polyplus/events';
import { incidentsSubgraph } from '../incidents-subgraph';
import { FakeWorld } from '../testing/fake-subgraphs';
import { IncidentService } from '../incident/incident.service';
import { ContactChannel } from '../incident/contact-channel';
import { siteCalendars } from '../incident/site-calendar';
import { PartnerSupportService } from './partner-support.service';
import { CloudPartner } from './cloud-partner';

describe('ecosystem cloud partner support', () => {
  let db: TestDatabase;
  const world = new FakeWorld();
  const site = world.site();
  const clock = new Date('2026-03-04T10:00:00Z');
  let incidents: IncidentService;
  let partners: PartnerSupportService;
  const engineer = 'tsr.ana';

  beforeAll(async () => {
    db = await createTestDatabase('incidents_partner', incidentsSubgraph.database);
    incidents = new IncidentService(db.dataSource, { ...world.directories(), calendars: siteCalendars(), now: () => clock });
    partners = new PartnerSupportService(db.dataSource, () => clock);
  });
  afterAll(() => db.drop());

  function openCase() {
    const device = world.device(site);
    return incidents.open({ contactId: world.designatedContact(device.customerId), deviceId: device.id, severity: 2, channel: ContactChannel.WEB, summary: 'Teams room drops calls' });
  }

  const topicsOf = async (id: string) => (await db.dataSource.getRepository(OutboxEvent).find({ where: { aggregateKey: id }, order: { sequence: 'ASC' } })).map((e) => e.topic);

  it('a partner request is opened only for a case marked as caused in that partner’s environment', async () => {
    const incident = await openCase();
    await expect(partners.openRequest({ incidentId: incident.id, trackingNumber: 'MS-1', engineer })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await partners.markPartnerCaused({ incidentId: incident.id, expectedVersion: 1, engineer, partner: CloudPartner.MICROSOFT_TEAMS, findings: 'Tenant SIP policy rejects the device' });
    const request = await partners.openRequest({ incidentId: incident.id, trackingNumber: ' MS-1 ', engineer });
    expect(request).toMatchObject({ partner: 'MICROSOFT_TEAMS', trackingNumber: 'MS-1', status: 'OPEN' });
  });

  it('partner status updates are kept, relayed to the customer’s view and published; a closed request takes no more', async () => {
    const incident = await openCase();
    await partners.markPartnerCaused({ incidentId: incident.id, expectedVersion: 1, engineer, partner: CloudPartner.ZOOM, findings: 'Zoom Rooms outage' });
    const request = await partners.openRequest({ incidentId: incident.id, trackingNumber: 'ZM-77', engineer });
    await partners.recordStatus({ requestId: request.id, partnerStatus: 'Investigating', engineer });
    await partners.recordStatus({ requestId: request.id, partnerStatus: 'Fix deployed', note: 'Region EU', engineer });
    await partners.closeRequest(request.id, engineer);
    const [seen] = await partners.requestsOf(incident.id);
    expect(seen).toMatchObject({ status: 'CLOSED', partnerStatus: 'Fix deployed', closedAt: clock });
    expect((await partners.statusUpdatesOf(request.id)).map((update) => update.partnerStatus)).toEqual(['Investigating', 'Fix deployed']);
    await expect(partners.recordStatus({ requestId: request.id, partnerStatus: 'late', engineer })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await topicsOf(incident.id)).toEqual([
      'incident.opened',
      'incident.updated',
      'incident.partner-request-opened',
      'incident.partner-status-updated',
      'incident.partner-status-updated',
      'incident.partner-request-closed',
    ]);
  });

  it('the same partner tracking number cannot be recorded twice (CONFLICT)', async () => {
    const incident = await openCase();
    await partners.markPartnerCaused({ incidentId: incident.id, expectedVersion: 1, engineer, partner: CloudPartner.WEBEX, findings: 'x' });
    await partners.openRequest({ incidentId: incident.id, trackingNumber: 'WX-1', engineer });
    await expect(partners.openRequest({ incidentId: incident.id, trackingNumber: 'WX-1', engineer })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('an entitlement check with the partner is recorded with its result and date', async () => {
    const incident = await openCase();
    await partners.verifyEntitlement({ incidentId: incident.id, partner: CloudPartner.GOOGLE_MEET, entitled: true, termEndsOn: '2027-01-31', reference: 'GM-OK', engineer });
    expect(await partners.entitlementChecksOf(incident.id)).toEqual([
      expect.objectContaining({ partner: 'GOOGLE_MEET', entitled: true, termEndsOn: '2027-01-31', checkedAt: clock, checkedBy: engineer }),
    ]);
    expect(await topicsOf(incident.id)).toContain('incident.partner-entitlement-checked');
  });
});
