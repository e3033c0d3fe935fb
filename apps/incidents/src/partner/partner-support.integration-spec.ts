import { graphql, type GraphQLSchema } from 'graphql';
import { actorOf, type Principal } from '@polyplus/auth';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { OutboxEvent, decodeOutbox } from '@polyplus/events';
import { createIncidentsSubgraph, incidentsSubgraph } from '../incidents-subgraph';
import { FakeWorld, SUPPORT_DESK } from '../testing/fake-subgraphs';
import { IncidentService } from '../incident/incident.service';
import { ContactChannel } from '../incident/contact-channel';
import { placeCalendar } from '@polyplus/business-calendar';
import { PartnerSupportService } from './partner-support.service';
import { CloudPartner } from './cloud-partner';

describe('ecosystem cloud partner support', () => {
  let db: TestDatabase;
  const world = new FakeWorld();
  const site = world.site();
  const clock = new Date('2026-03-04T10:00:00Z');
  let incidents: IncidentService;
  let partners: PartnerSupportService;
  let schema: GraphQLSchema;
  const engineer = 'tsr.ana';

  beforeAll(async () => {
    db = await createTestDatabase('incidents_partner', incidentsSubgraph.database);
    incidents = new IncidentService(db.dataSource, { ...world.directories(), calendars: placeCalendar, now: () => clock });
    partners = new PartnerSupportService(db.dataSource, () => clock);
    ({ schema } = await createIncidentsSubgraph({ devices: world.devicesClient, customers: world.customersClient, now: () => clock }).build(
      db.dataSource,
    ));
  }, 120_000);
  afterAll(() => db.drop(), 60_000);

  function openCase() {
    return incidents.open(
      { ...world.caseReporter(site), severity: 2, channel: ContactChannel.WEB, summary: 'Teams room drops calls' },
      SUPPORT_DESK,
    );
  }

  const topicsOf = async (id: string) =>
    (await db.dataSource.getRepository(OutboxEvent).find({ where: { aggregateKey: id }, order: { sequence: 'ASC' } })).map((e) => e.topic);

  it('a partner request is opened only for a case marked as caused in that partner’s environment', async () => {
    const incident = await openCase();
    await expect(partners.openRequest({ incidentId: incident.id, trackingNumber: 'MS-1', engineer }, SUPPORT_DESK)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    await partners.markPartnerCaused(
      {
        incidentId: incident.id,
        expectedVersion: 1,
        engineer,
        partner: CloudPartner.MICROSOFT_TEAMS,
        findings: 'Tenant SIP policy rejects the device',
      },
      SUPPORT_DESK,
    );
    const request = await partners.openRequest({ incidentId: incident.id, trackingNumber: ' MS-1 ', engineer }, SUPPORT_DESK);
    expect(request).toMatchObject({ partner: 'MICROSOFT_TEAMS', trackingNumber: 'MS-1', status: 'OPEN' });
  });

  it('partner status updates are kept, relayed to the customer’s view and published; a closed request takes no more', async () => {
    const incident = await openCase();
    await partners.markPartnerCaused(
      { incidentId: incident.id, expectedVersion: 1, engineer, partner: CloudPartner.ZOOM, findings: 'Zoom Rooms outage' },
      SUPPORT_DESK,
    );
    const request = await partners.openRequest({ incidentId: incident.id, trackingNumber: 'ZM-77', engineer }, SUPPORT_DESK);
    await partners.recordStatus({ requestId: request.id, partnerStatus: 'Investigating', engineer }, SUPPORT_DESK);
    await partners.recordStatus({ requestId: request.id, partnerStatus: 'Fix deployed', note: 'Region EU', engineer }, SUPPORT_DESK);
    await partners.closeRequest(request.id, SUPPORT_DESK, engineer);
    const [seen] = await partners.requestsOf(incident.id);
    expect(seen).toMatchObject({ status: 'CLOSED', partnerStatus: 'Fix deployed', closedAt: clock });
    expect((await partners.statusUpdatesOf(request.id)).map((update) => update.partnerStatus)).toEqual(['Investigating', 'Fix deployed']);
    await expect(partners.recordStatus({ requestId: request.id, partnerStatus: 'late', engineer }, SUPPORT_DESK)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(await topicsOf(incident.id)).toEqual([
      'incident.opened',
      'incident.updated',
      'incident.clock-paused',
      'incident.partner-request-opened',
      'incident.partner-status-updated',
      'incident.partner-status-updated',
      'incident.clock-resumed',
      'incident.partner-request-closed',
    ]);
  });

  it('the same partner tracking number cannot be recorded twice (CONFLICT)', async () => {
    const incident = await openCase();
    await partners.markPartnerCaused(
      { incidentId: incident.id, expectedVersion: 1, engineer, partner: CloudPartner.WEBEX, findings: 'x' },
      SUPPORT_DESK,
    );
    await partners.openRequest({ incidentId: incident.id, trackingNumber: 'WX-1', engineer }, SUPPORT_DESK);
    await expect(partners.openRequest({ incidentId: incident.id, trackingNumber: 'WX-1', engineer }, SUPPORT_DESK)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
  });

  it('an entitlement check with the partner is recorded with its result and date', async () => {
    const incident = await openCase();
    await partners.verifyEntitlement(
      {
        incidentId: incident.id,
        partner: CloudPartner.GOOGLE_MEET,
        entitled: true,
        termEndsOn: '2027-01-31',
        reference: 'GM-OK',
        engineer,
      },
      SUPPORT_DESK,
    );
    expect(await partners.entitlementChecksOf(incident.id)).toEqual([
      expect.objectContaining({
        partner: 'GOOGLE_MEET',
        entitled: true,
        termEndsOn: '2027-01-31',
        checkedAt: clock,
        checkedBy: actorOf(SUPPORT_DESK),
      }),
    ]);
    expect(await topicsOf(incident.id)).toContain('incident.partner-entitlement-checked');
  });

  it('partner requests, partner statuses and entitlement checks record the verified caller, whatever name is typed in engineer', async () => {
    const incident = await openCase();
    const ana: Principal = { subject: 'ana', role: 'SUPPORT_ENGINEER', customerIds: [] };
    const run = async <T>(source: string, variableValues: Record<string, unknown>): Promise<T> => {
      const result = await graphql({ schema, source, variableValues, contextValue: { principal: ana } });
      if (result.errors) throw result.errors[0];
      return result.data as T;
    };
    await run('mutation ($input: MarkPartnerCausedInput!) { markPartnerCaused(input: $input) { id } }', {
      input: { incidentId: incident.id, expectedVersion: 1, engineer: 'Someone Else', partner: 'ZOOM', findings: 'Zoom Rooms outage' },
    });
    const { openPartnerRequest } = await run<{ openPartnerRequest: { id: string } }>(
      'mutation ($input: OpenPartnerRequestInput!) { openPartnerRequest(input: $input) { id } }',
      {
        input: { incidentId: incident.id, trackingNumber: 'ZM-SPOOF', engineer: 'Someone Else' },
      },
    );
    const { recordPartnerStatus } = await run<{ recordPartnerStatus: { updates: { recordedBy: string }[] } }>(
      'mutation ($input: PartnerStatusInput!) { recordPartnerStatus(input: $input) { updates { recordedBy } } }',
      { input: { requestId: openPartnerRequest.id, partnerStatus: 'Investigating', engineer: 'Someone Else' } },
    );
    expect(recordPartnerStatus.updates).toEqual([{ recordedBy: 'SUPPORT_ENGINEER:ana' }]);
    await run('mutation ($id: ID!) { closePartnerRequest(requestId: $id, engineer: "Someone Else") { id } }', {
      id: openPartnerRequest.id,
    });
    const { verifyPartnerEntitlement } = await run<{ verifyPartnerEntitlement: { checkedBy: string } }>(
      'mutation ($input: VerifyPartnerEntitlementInput!) { verifyPartnerEntitlement(input: $input) { checkedBy } }',
      { input: { incidentId: incident.id, partner: 'ZOOM', entitled: true } },
    );
    expect(verifyPartnerEntitlement.checkedBy).toBe('SUPPORT_ENGINEER:ana');

    const trail = (await incidents.auditTrail(incident.id)).slice(1);
    expect(trail.map((entry) => [entry.action, entry.actor, entry.note])).toEqual([
      ['PARTNER_CAUSED', 'SUPPORT_ENGINEER:ana', 'Zoom Rooms outage [engineer: Someone Else]'],
      ['PARTNER_REQUEST_OPENED', 'SUPPORT_ENGINEER:ana', 'ZM-SPOOF [engineer: Someone Else]'],
      ['PARTNER_STATUS', 'SUPPORT_ENGINEER:ana', 'Investigating [engineer: Someone Else]'],
      ['PARTNER_REQUEST_CLOSED', 'SUPPORT_ENGINEER:ana', '[engineer: Someone Else]'],
      ['PARTNER_ENTITLEMENT_CHECKED', 'SUPPORT_ENGINEER:ana', 'ZOOM: entitled'],
    ]);
  });

  it('every event the producers wrote above decodes through the event contract', async () => {
    const { topics, refused } = await decodeOutbox(db.dataSource);
    expect(topics).toEqual(expect.arrayContaining(['incident.partner-request-opened', 'incident.partner-entitlement-checked']));
    expect(refused).toEqual([]);
  });
});
