import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '@polyplus/auth';
import {
  createRedis,
  decodedEvent,
  INCIDENT_TOPICS,
  OutboxEvent,
  REPLACEMENT_TOPICS,
  type EventEnvelope,
  type ProductEvent,
  decodeOutbox,
} from '@polyplus/events';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { closeQueueSuite, executeOperation, operationData } from '@polyplus/testing';
import { createIncidentsSubgraph, incidentsSubgraph } from '../incidents-subgraph';
import { FakeWorld } from '../testing/fake-subgraphs';
import { Incident } from '../incident/incident.entity';
import { IncidentAuditEntry } from '../incident/incident-audit-entry.entity';
import { placeCalendar } from '@polyplus/business-calendar';
import { EscalationService } from '../escalation/escalation.service';
import { DEFAULT_ESCALATION_POLICY } from '../escalation/escalation-policy';
import { escalationScheduler } from '../escalation/escalation.scheduler';
import { ESCALATION_QUEUE, escalationJobId, type EscalationJob } from '../escalation/escalation-queue';
import { IncidentSeverityChange } from './severity-change.entity';
import { IncidentClockPause } from './clock-pause.entity';
import { partWaitHandler } from './part-wait.consumer';

const JANE: Principal = { subject: 'jane', role: 'SUPPORT_ENGINEER', customerIds: [] };

type ClockView = {
  state: string;
  targetMinutes: number;
  elapsedMinutes: number;
  remainingMinutes: number;
  overdueMinutes: number;
  dueAt: string | null;
  waitingOn: string[];
  pauses: { reason: string; source: string; from: string; to: string | null }[];
  pausedSpans: { from: string; to: string | null; reasons: string[]; withheldMinutes: number }[];
};

const CLOCK =
  'resolutionClock { state targetMinutes elapsedMinutes remainingMinutes overdueMinutes dueAt waitingOn pauses { reason source from to } pausedSpans { from to reasons withheldMinutes } }';

/** Replacement events about one order of a case, decoded as the part-wait consumer receives them from logistics. */
const replacementEvent =
  (orderId: string, incidentId: string) =>
  (topic: string, occurredAt: string, payload: Record<string, unknown>): ProductEvent =>
    decodedEvent({
      id: randomUUID(),
      topic,
      key: orderId,
      source: 'logistics',
      occurredAt,
      payload: { orderId, incidentId, expectedDeliveryAt: null, ...payload },
    });

describe('case clocks', () => {
  const world = new FakeWorld();
  // England: business hours Mon–Fri 08:00–17:30 local, public holidays of GB-ENG.
  const london = world.site('GB', 'Europe/London', 'ENG');
  const prefix = `test-case-clocks-${randomUUID()}`;
  const redis = createRedis('worker');
  const queue = new Queue<EscalationJob>(ESCALATION_QUEUE, { connection: redis, prefix });
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let clock = new Date('2026-03-02T17:20:00Z');
  const now = () => clock;

  beforeAll(async () => {
    db = await createTestDatabase('incidents_case_clocks', incidentsSubgraph.database);
    ({ schema } = await createIncidentsSubgraph({
      devices: world.devicesClient,
      customers: world.customersClient,
      now,
      queuePrefix: prefix,
    }).build(db.dataSource));
  }, 120_000);

  afterAll(() => closeQueueSuite(queue, redis, db), 60_000);

  const run = <T>(query: string, variables: Record<string, unknown> = {}, principal: Principal = JANE) =>
    operationData<T>(schema, query, variables, principal);
  const attempt = (query: string, variables: Record<string, unknown> = {}, principal: Principal = JANE) =>
    executeOperation(schema, query, variables, principal);

  type Opened = { id: string; version: number; contactedAt: string; reportedAt: string; responseDueAt: string };
  const OPEN = 'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id version contactedAt reportedAt responseDueAt } }';

  function caseInput(overrides: Record<string, unknown> = {}) {
    const device = world.device(london);
    return {
      contactId: world.designatedContact(device.customerId),
      deviceId: device.id,
      severity: 2,
      channel: 'PHONE',
      summary: 'Codec reboots during calls',
      ...overrides,
    };
  }

  async function openCase(overrides: Record<string, unknown> = {}): Promise<Opened> {
    return (await run<{ openIncident: Opened }>(OPEN, { input: caseInput(overrides) })).openIncident;
  }

  async function clockOf(id: string): Promise<ClockView> {
    return (await run<{ incident: { resolutionClock: ClockView } }>(`query ($id: ID!) { incident(id: $id) { ${CLOCK} } }`, { id })).incident
      .resolutionClock;
  }

  const versionOf = async (id: string) => (await db.dataSource.getRepository(Incident).findOneByOrFail({ id })).version;
  const waitInput = async (id: string, reason: string) => ({ input: { incidentId: id, expectedVersion: await versionOf(id), reason } });
  const SET_WAITING = 'mutation ($input: CustomerWaitInput!) { setWaitingOnCustomer(input: $input) { version } }';
  const CLEAR_WAITING = 'mutation ($input: CustomerWaitInput!) { clearWaitingOnCustomer(input: $input) { version } }';
  const CHANGE_SEVERITY =
    'mutation ($input: ChangeIncidentSeverityInput!) { changeIncidentSeverity(input: $input) { severity version responseDueAt } }';

  describe('contact time', () => {
    it('the description’s example: a Severity 2 phone case the customer reported at 17:00 and support logged at 17:20 is due at 08:30 the next business morning', async () => {
      clock = new Date('2026-03-02T17:20:00Z'); // Monday, London on GMT
      const incident = await openCase({ contactedAt: '2026-03-02T17:00:00Z' });
      expect(incident).toMatchObject({
        contactedAt: '2026-03-02T17:00:00.000Z',
        reportedAt: '2026-03-02T17:20:00.000Z',
        responseDueAt: '2026-03-03T08:30:00.000Z',
      });
      const [opened] = await db.dataSource
        .getRepository(IncidentAuditEntry)
        .find({ where: { incidentId: incident.id }, order: { sequence: 'ASC' } });
      expect(opened).toMatchObject({
        action: 'OPENED',
        actor: 'SUPPORT_ENGINEER:jane',
        at: clock,
        note: 'customer contact 2026-03-02T17:00:00.000Z by PHONE (given by the caller)',
      });
    });

    it('the response objective is judged against the contact: a first contact at 08:40 misses an objective that counting from the logging would have met', async () => {
      clock = new Date('2026-03-02T17:20:00Z');
      const incident = await openCase({ contactedAt: '2026-03-02T17:00:00Z' });
      clock = new Date('2026-03-03T08:40:00Z');
      const { respondToIncident } = await run<{ respondToIncident: { responseObjectiveMet: boolean } }>(
        'mutation ($id: ID!) { respondToIncident(input: { incidentId: $id, expectedVersion: 1 }) { responseObjectiveMet } }',
        { id: incident.id },
      );
      expect(respondToIncident.responseObjectiveMet).toBe(false);
    });

    it('a contactedAt in the future or a week ago is BAD_USER_INPUT naming contactedAt, and nothing is written', async () => {
      clock = new Date('2026-03-02T17:20:00Z');
      const counts = () =>
        Promise.all([Incident, IncidentAuditEntry, OutboxEvent].map((entity) => db.dataSource.getRepository(entity).count()));
      const before = await counts();
      for (const contactedAt of ['2026-03-02T17:30:00Z', '2026-02-23T17:20:00Z']) {
        const refused = await attempt(OPEN, { input: caseInput({ contactedAt }) });
        expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'contactedAt' } });
      }
      expect(await counts()).toEqual(before);
    });

    it('web cases and cases customers open start at the server’s time: a contactedAt from them is refused, a customer may not back-date', async () => {
      clock = new Date('2026-03-02T17:20:00Z');
      const web = await attempt(OPEN, { input: caseInput({ channel: 'WEB', contactedAt: '2026-03-02T17:00:00Z' }) });
      expect(web.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'contactedAt' } });
      const input = caseInput({ contactedAt: '2026-03-02T17:00:00Z' });
      const customerId = world.devices.get(input.deviceId)?.customerId as string;
      const technician: Principal = { subject: 'tech', role: 'CUSTOMER_TECHNICIAN', customerIds: [customerId], contactId: input.contactId };
      const backDated = await attempt(OPEN, { input }, technician);
      expect(backDated.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'contactedAt' } });
      const { openIncident } = await run<{ openIncident: Opened }>(OPEN, { input: { ...input, contactedAt: undefined } }, technician);
      expect(openIncident.contactedAt).toBe('2026-03-02T17:20:00.000Z');
    });

    it('a staff contact a little ahead of the server’s clock (within 5 minutes) counts as now; none given means now', async () => {
      clock = new Date('2026-03-02T17:20:00Z');
      expect((await openCase({ contactedAt: '2026-03-02T17:23:00Z' })).contactedAt).toBe('2026-03-02T17:20:00.000Z');
      expect((await openCase({ channel: 'EMAIL' })).contactedAt).toBe('2026-03-02T17:20:00.000Z');
    });
  });

  describe('pauses of the resolution clock', () => {
    it('a case waiting on the customer over a weekend and a holiday accrues no resolution time', async () => {
      // Friday 1 May 2026 09:00 London (BST): Severity 3, 1,710 business minutes to resolve.
      clock = new Date('2026-05-01T08:00:00Z');
      const incident = await openCase({ severity: 3 });
      clock = new Date('2026-05-01T14:00:00Z'); // Fri 15:00: support asks for the call logs
      await run(SET_WAITING, await waitInput(incident.id, 'Asked for the CDRs of the failed calls'));

      clock = new Date('2026-05-04T12:00:00Z'); // Monday 4 May: Early May bank holiday
      const paused = await clockOf(incident.id);
      expect(paused).toMatchObject({
        state: 'PAUSED',
        elapsedMinutes: 360,
        remainingMinutes: 1350,
        dueAt: null,
        waitingOn: ['WAITING_ON_CUSTOMER'],
      });

      clock = new Date('2026-05-05T09:00:00Z'); // Tue 10:00: the customer sends them
      await run(CLEAR_WAITING, await waitInput(incident.id, 'CDRs received'));
      clock = new Date('2026-05-05T10:00:00Z'); // Tue 11:00
      const resumed = await clockOf(incident.id);
      // Fri 09:00–15:00 and Tue 10:00–11:00 ran; the weekend and the holiday would have added nothing anyway.
      expect(resumed).toMatchObject({
        state: 'ON_TRACK',
        targetMinutes: 1710,
        elapsedMinutes: 420,
        remainingMinutes: 1290,
        overdueMinutes: 0,
        waitingOn: [],
      });
      expect(resumed.pauses).toEqual([
        { reason: 'WAITING_ON_CUSTOMER', source: 'STAFF', from: '2026-05-01T14:00:00.000Z', to: '2026-05-05T09:00:00.000Z' },
      ]);
      // Withheld: Fri 15:00–17:30 and Tue 08:00–10:00.
      expect(resumed.pausedSpans).toEqual([
        { from: '2026-05-01T14:00:00.000Z', to: '2026-05-05T09:00:00.000Z', reasons: ['WAITING_ON_CUSTOMER'], withheldMinutes: 270 },
      ]);
      // 1,290 minutes from Tue 11:00 in 570-minute days: Tue to 17:30 (390), Wed (570), Thu 08:00 + 330 → 13:30.
      expect(resumed.dueAt).toBe('2026-05-07T12:30:00.000Z');
    });

    it('waiting on the customer is set and cleared once: a second set or a clear without a wait is CONFLICT', async () => {
      clock = new Date('2026-03-03T10:00:00Z');
      const incident = await openCase();
      await run(SET_WAITING, await waitInput(incident.id, 'Asked for a photo of the label'));
      expect((await attempt(SET_WAITING, await waitInput(incident.id, 'again'))).errors?.[0]).toMatchObject({
        extensions: { code: 'CONFLICT' },
      });
      await run(CLEAR_WAITING, await waitInput(incident.id, 'Photo received'));
      expect((await attempt(CLEAR_WAITING, await waitInput(incident.id, 'again'))).errors?.[0]).toMatchObject({
        extensions: { code: 'CONFLICT' },
      });
      const trail = await db.dataSource
        .getRepository(IncidentAuditEntry)
        .find({ where: { incidentId: incident.id }, order: { sequence: 'ASC' } });
      expect(trail.map((entry) => [entry.action, entry.actor, entry.note])).toEqual([
        ['OPENED', 'SUPPORT_ENGINEER:jane', 'customer contact 2026-03-03T10:00:00.000Z by PHONE'],
        ['WAITING_ON_CUSTOMER', 'SUPPORT_ENGINEER:jane', 'Asked for a photo of the label'],
        ['CUSTOMER_ANSWERED', 'SUPPORT_ENGINEER:jane', 'Photo received'],
      ]);
    });

    it('an ECPS partner request pauses the resolution clock while open and resumes it when closed', async () => {
      clock = new Date('2026-03-03T09:00:00Z'); // Tuesday 09:00 London
      const incident = await openCase({ severity: 2 });
      clock = new Date('2026-03-03T10:00:00Z');
      await run('mutation ($input: MarkPartnerCausedInput!) { markPartnerCaused(input: $input) { id } }', {
        input: { incidentId: incident.id, expectedVersion: 1, partner: 'ZOOM', findings: 'Zoom Rooms tenant rejects the device' },
      });
      const { openPartnerRequest } = await run<{ openPartnerRequest: { id: string } }>(
        'mutation ($input: OpenPartnerRequestInput!) { openPartnerRequest(input: $input) { id } }',
        {
          input: { incidentId: incident.id, trackingNumber: `ZM-${randomUUID().slice(0, 8)}` },
        },
      );
      clock = new Date('2026-03-03T13:00:00Z');
      expect(await clockOf(incident.id)).toMatchObject({ state: 'PAUSED', elapsedMinutes: 60, waitingOn: ['WAITING_ON_PARTNER'] });

      clock = new Date('2026-03-03T14:00:00Z'); // the partner fixed its tenant
      await run('mutation ($id: ID!) { closePartnerRequest(requestId: $id) { id } }', { id: openPartnerRequest.id });
      clock = new Date('2026-03-03T15:00:00Z');
      const resumed = await clockOf(incident.id);
      expect(resumed).toMatchObject({ state: 'ON_TRACK', targetMinutes: 570, elapsedMinutes: 120, remainingMinutes: 450, waitingOn: [] });
      expect(resumed.pauses).toEqual([
        { reason: 'WAITING_ON_PARTNER', source: 'PARTNER_REQUEST', from: '2026-03-03T10:00:00.000Z', to: '2026-03-03T14:00:00.000Z' },
      ]);
    });

    it('a replacement part ordered for the case pauses the resolution clock until it is delivered; a re-delivered event changes nothing', async () => {
      clock = new Date('2026-03-04T09:00:00Z'); // Wednesday 09:00 London
      const incident = await openCase({ severity: 1 });
      const orderId = randomUUID();
      const handle = partWaitHandler(db.dataSource, now);
      const envelope = replacementEvent(orderId, incident.id);
      const ordered = envelope(REPLACEMENT_TOPICS.ordered, '2026-03-04T10:00:00.000Z', { status: 'ORDERED' });
      await handle(ordered);
      await handle(ordered);
      clock = new Date('2026-03-04T12:00:00Z');
      expect(await clockOf(incident.id)).toMatchObject({
        state: 'PAUSED',
        elapsedMinutes: 60,
        remainingMinutes: 180,
        waitingOn: ['WAITING_ON_PART'],
      });

      const delivered = envelope(REPLACEMENT_TOPICS.delivered, '2026-03-05T09:05:00.000Z', {
        status: 'DELIVERED',
        deliveredAt: '2026-03-05T09:00:00.000Z',
      });
      await handle(delivered);
      await handle(delivered);
      clock = new Date('2026-03-05T10:00:00Z');
      const resumed = await clockOf(incident.id);
      expect(resumed).toMatchObject({ state: 'ON_TRACK', elapsedMinutes: 120, remainingMinutes: 120, waitingOn: [] });
      expect(resumed.pauses).toEqual([
        { reason: 'WAITING_ON_PART', source: 'REPLACEMENT_ORDER', from: '2026-03-04T10:00:00.000Z', to: '2026-03-05T09:00:00.000Z' },
      ]);
      const actions = (await db.dataSource.getRepository(IncidentAuditEntry).findBy({ incidentId: incident.id })).map(
        (entry) => entry.action,
      );
      expect(actions.filter((action) => action === 'WAITING_ON_PART' || action === 'PART_DELIVERED')).toEqual([
        'WAITING_ON_PART',
        'PART_DELIVERED',
      ]);
    });

    it('the part’s delivery handled before its order (two processes, events out of order) still ends the wait: the case waited from the order to the delivery', async () => {
      clock = new Date('2026-03-04T09:00:00Z'); // Wednesday 09:00 London
      const incident = await openCase({ severity: 1 });
      const orderId = randomUUID();
      const handle = partWaitHandler(db.dataSource, now);
      const envelope = replacementEvent(orderId, incident.id);
      const delivered = envelope(REPLACEMENT_TOPICS.delivered, '2026-03-05T09:05:00.000Z', {
        status: 'DELIVERED',
        deliveredAt: '2026-03-05T09:00:00.000Z',
      });
      const ordered = envelope(REPLACEMENT_TOPICS.ordered, '2026-03-04T10:00:00.000Z', { status: 'ORDERED' });
      await handle(delivered);
      await Promise.all([handle(ordered), handle(ordered)]);
      await handle(delivered);
      clock = new Date('2026-03-05T10:00:00Z');
      const view = await clockOf(incident.id);
      expect(view).toMatchObject({ state: 'ON_TRACK', elapsedMinutes: 120, remainingMinutes: 120, waitingOn: [] });
      expect(view.pauses).toEqual([
        { reason: 'WAITING_ON_PART', source: 'REPLACEMENT_ORDER', from: '2026-03-04T10:00:00.000Z', to: '2026-03-05T09:00:00.000Z' },
      ]);
      const actions = (await db.dataSource.getRepository(IncidentAuditEntry).findBy({ incidentId: incident.id })).map(
        (entry) => entry.action,
      );
      expect(actions.filter((action) => action === 'WAITING_ON_PART' || action === 'PART_DELIVERED').sort()).toEqual([
        'PART_DELIVERED',
        'WAITING_ON_PART',
      ]);
    });

    it('pauses for different reasons that overlap withhold their shared time once', async () => {
      clock = new Date('2026-03-09T09:00:00Z'); // Monday 09:00 London
      const incident = await openCase({ severity: 3 });
      const orderId = randomUUID();
      clock = new Date('2026-03-09T10:00:00Z');
      await run(SET_WAITING, await waitInput(incident.id, 'Asked for the serial number of the camera'));
      await partWaitHandler(
        db.dataSource,
        now,
      )(replacementEvent(orderId, incident.id)(REPLACEMENT_TOPICS.ordered, '2026-03-09T11:00:00.000Z', { status: 'ORDERED' }));
      clock = new Date('2026-03-09T12:00:00Z');
      await run(CLEAR_WAITING, await waitInput(incident.id, 'Serial number received'));
      clock = new Date('2026-03-09T15:00:00Z');
      const view = await clockOf(incident.id);
      expect(view).toMatchObject({ state: 'PAUSED', elapsedMinutes: 60, waitingOn: ['WAITING_ON_PART'] });
      expect(view.pausedSpans).toEqual([
        { from: '2026-03-09T10:00:00.000Z', to: null, reasons: ['WAITING_ON_CUSTOMER', 'WAITING_ON_PART'], withheldMinutes: 300 },
      ]);
    });

    it('a reopened case’s clock resumes where it stopped: the time it spent resolved counts as waiting on the customer', async () => {
      clock = new Date('2026-03-10T09:00:00Z'); // Tuesday 09:00 London
      const incident = await openCase({ severity: 2 });
      const step = async (mutation: string, extra = '') => {
        const version = await versionOf(incident.id);
        return run(`mutation ($id: ID!, $v: Int!) { ${mutation}(input: { incidentId: $id, expectedVersion: $v${extra} }) { version } }`, {
          id: incident.id,
          v: version,
        });
      };
      clock = new Date('2026-03-10T09:30:00Z');
      await step('respondToIncident');
      clock = new Date('2026-03-10T11:00:00Z');
      await step('resolveIncident', ', resolution: "Firmware rolled back"');
      expect(await clockOf(incident.id)).toMatchObject({ state: 'MET', elapsedMinutes: 120, dueAt: null });
      clock = new Date('2026-03-11T09:00:00Z'); // the customer disputes it the next morning
      await step('startWorkOnIncident');
      clock = new Date('2026-03-11T10:00:00Z');
      expect(await clockOf(incident.id)).toMatchObject({ state: 'ON_TRACK', elapsedMinutes: 180, remainingMinutes: 390 });
    });
  });

  describe('severity changes', () => {
    const deliver = (incidentId: string, topic: string): EventEnvelope => ({
      id: randomUUID(),
      topic,
      key: incidentId,
      source: 'incidents',
      occurredAt: clock.toISOString(),
      payload: {},
    });

    it('a severity 3 → 1 upgrade at 16:50 re-targets the response to 30 business minutes and re-arms escalation', async () => {
      const escalations = new EscalationService(db.dataSource, DEFAULT_ESCALATION_POLICY, placeCalendar, now);
      const schedule = escalationScheduler(db.dataSource, escalations, queue, now);
      clock = new Date('2026-03-16T16:00:00Z'); // Monday 16:00 London
      const incident = await openCase({ severity: 3 });
      expect(incident.responseDueAt).toBe('2026-03-17T08:30:00.000Z');
      await schedule(deliver(incident.id, INCIDENT_TOPICS.opened));
      const firstResponseTimer = await queue.getJob(escalationJobId(incident.id, 1));
      expect(firstResponseTimer?.data.dueAt).toBe('2026-03-17T08:30:00.000Z');

      clock = new Date('2026-03-16T16:50:00Z');
      const { changeIncidentSeverity } = await run<{
        changeIncidentSeverity: { severity: number; version: number; responseDueAt: string };
      }>(CHANGE_SEVERITY, {
        input: { incidentId: incident.id, expectedVersion: 1, severity: 1, reason: 'The whole boardroom floor is down' },
      });
      expect(changeIncidentSeverity).toEqual({ severity: 1, version: 2, responseDueAt: '2026-03-16T17:20:00.000Z' });
      // Resolution: 50 minutes ran, then 240 for Severity 1 → 290 in force, due Tue 11:20.
      expect(await clockOf(incident.id)).toMatchObject({
        state: 'ON_TRACK',
        targetMinutes: 290,
        elapsedMinutes: 50,
        remainingMinutes: 240,
        dueAt: '2026-03-17T11:20:00.000Z',
      });

      await schedule(deliver(incident.id, INCIDENT_TOPICS.severityChanged));
      const responseTimer = await queue.getJob(escalationJobId(incident.id, 1));
      const resolutionTimer = await queue.getJob(escalationJobId(incident.id, 2));
      expect(await responseTimer?.getState()).toBe('delayed');
      expect(responseTimer?.data.dueAt).toBe('2026-03-16T17:20:00.000Z');
      expect(responseTimer?.delay).toBe(30 * 60_000);
      expect(resolutionTimer?.data.dueAt).toBe('2026-03-17T11:20:00.000Z');

      const [change] = await db.dataSource.getRepository(IncidentSeverityChange).findBy({ incidentId: incident.id });
      expect(change).toMatchObject({
        fromSeverity: 3,
        toSeverity: 1,
        resolutionTargetMinutes: 240,
        responseDueAt: new Date('2026-03-16T17:20:00Z'),
        reason: 'The whole boardroom floor is down',
        actor: 'SUPPORT_ENGINEER:jane',
      });
      const [event] = await db.dataSource
        .getRepository(OutboxEvent)
        .findBy({ aggregateKey: incident.id, topic: INCIDENT_TOPICS.severityChanged });
      expect(JSON.parse(event.payload)).toMatchObject({
        severity: 1,
        previousSeverity: 3,
        upgrade: true,
        responseDueAt: '2026-03-16T17:20:00.000Z',
        version: 2,
      });
      const audit = await db.dataSource
        .getRepository(IncidentAuditEntry)
        .findOneByOrFail({ incidentId: incident.id, action: 'SEVERITY_CHANGED' });
      expect(audit).toMatchObject({ actor: 'SUPPORT_ENGINEER:jane', note: 'severity 1: The whole boardroom floor is down' });
    });

    it('a downgrade never makes the case due later: it keeps the earlier due times', async () => {
      clock = new Date('2026-03-16T10:00:00Z');
      const incident = await openCase({ severity: 1 });
      clock = new Date('2026-03-16T10:10:00Z');
      const { changeIncidentSeverity } = await run<{ changeIncidentSeverity: { responseDueAt: string } }>(CHANGE_SEVERITY, {
        input: { incidentId: incident.id, expectedVersion: 1, severity: 3, reason: 'Only one room affected' },
      });
      expect(changeIncidentSeverity.responseDueAt).toBe(incident.responseDueAt);
      expect(await clockOf(incident.id)).toMatchObject({ targetMinutes: 240, elapsedMinutes: 10 });
    });

    it('two concurrent severity changes at the same version: one wins, the other is CONFLICT, one change recorded', async () => {
      clock = new Date('2026-03-17T10:00:00Z');
      const incident = await openCase({ severity: 3 });
      const results = await Promise.all(
        [1, 2].map((severity) =>
          attempt(CHANGE_SEVERITY, {
            input: { incidentId: incident.id, expectedVersion: 1, severity, reason: `Re-assessed as ${severity}` },
          }),
        ),
      );
      expect(results.filter((result) => !result.errors)).toHaveLength(1);
      expect(results.flatMap((result) => result.errors ?? [])).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT' }) }),
      ]);
      expect(await db.dataSource.getRepository(IncidentSeverityChange).countBy({ incidentId: incident.id })).toBe(1);
      expect(await versionOf(incident.id)).toBe(2);
    });

    it('a change to the current level is BAD_USER_INPUT, a resolved case’s severity cannot change (CONFLICT), and customers may not change it', async () => {
      clock = new Date('2026-03-17T10:00:00Z');
      const input = caseInput({ severity: 2 });
      const incident = (await run<{ openIncident: Opened }>(OPEN, { input })).openIncident;
      const same = await attempt(CHANGE_SEVERITY, { input: { incidentId: incident.id, expectedVersion: 1, severity: 2, reason: 'x' } });
      expect(same.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'severity' } });
      const customerId = world.devices.get(input.deviceId)?.customerId as string;
      const admin: Principal = { subject: 'boss', role: 'CUSTOMER_ADMIN', customerIds: [customerId] };
      const forbidden = await attempt(
        CHANGE_SEVERITY,
        { input: { incidentId: incident.id, expectedVersion: 1, severity: 1, reason: 'Urgent for us' } },
        admin,
      );
      expect(forbidden.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      await run('mutation ($id: ID!) { respondToIncident(input: { incidentId: $id, expectedVersion: 1 }) { version } }', {
        id: incident.id,
      });
      await run(
        'mutation ($id: ID!) { resolveIncident(input: { incidentId: $id, expectedVersion: 2, resolution: "Replaced cable" }) { version } }',
        { id: incident.id },
      );
      const resolved = await attempt(CHANGE_SEVERITY, { input: { incidentId: incident.id, expectedVersion: 3, severity: 1, reason: 'x' } });
      expect(resolved.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
      expect(await db.dataSource.getRepository(IncidentSeverityChange).countBy({ incidentId: incident.id })).toBe(0);
    });
  });

  describe('escalation on the resolution clock', () => {
    it('an escalation watching the resolution does not fire while the case waits on the customer; it falls due later by the time withheld', async () => {
      const escalations = new EscalationService(db.dataSource, DEFAULT_ESCALATION_POLICY, placeCalendar, now);
      clock = new Date('2026-03-18T09:00:00Z'); // Wednesday 09:00 London, Severity 1: level 2 after 4 business hours
      const incident = await openCase({ severity: 1 });
      clock = new Date('2026-03-18T10:00:00Z');
      await run(SET_WAITING, await waitInput(incident.id, 'Asked for remote access'));
      clock = new Date('2026-03-18T15:00:00Z');
      expect(await escalations.escalate(incident.id, 2)).toBeNull();
      expect(await escalations.pendingDueAt(incident.id, 2)).toBeNull();
      await run(CLEAR_WAITING, await waitInput(incident.id, 'Access granted'));
      expect((await escalations.pendingDueAt(incident.id, 2))?.toISOString()).toBe('2026-03-19T08:30:00.000Z');
      clock = new Date('2026-03-19T08:30:00Z');
      expect(await escalations.escalate(incident.id, 2)).toMatchObject({ level: 2 });
    });
  });

  it('the case’s calendar shows the site’s business hours, time zone and next holidays', async () => {
    clock = new Date('2026-03-18T09:00:00Z');
    const incident = await openCase();
    const { incident: read } = await run<{ incident: { calendar: unknown } }>(
      'query ($id: ID!) { incident(id: $id) { calendar(closures: 3) { timeZone country subdivision hoursSummary weeklyHours { weekday hours { from to } } upcomingClosures { date name kind } } } }',
      { id: incident.id },
    );
    expect(read.calendar).toEqual({
      timeZone: 'Europe/London',
      country: 'GB',
      subdivision: 'ENG',
      hoursSummary: 'Mon–Fri 08:00–17:30',
      weeklyHours: expect.arrayContaining([
        { weekday: 'monday', hours: [{ from: '08:00', to: '17:30' }] },
        { weekday: 'sunday', hours: [] },
      ]),
      upcomingClosures: [
        { date: '2026-04-03', name: 'Good Friday', kind: 'PUBLIC_HOLIDAY' },
        { date: '2026-04-06', name: 'Easter Monday', kind: 'PUBLIC_HOLIDAY' },
        { date: '2026-05-04', name: 'Early May bank holiday', kind: 'PUBLIC_HOLIDAY' },
      ],
    });
    const tooMany = await attempt('query ($id: ID!) { incident(id: $id) { calendar(closures: 21) { timeZone } } }', { id: incident.id });
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'closures' } });
  });

  it('pause rows are one per interval: the open one is unique per case, reason and source', async () => {
    clock = new Date('2026-03-18T09:00:00Z');
    const incident = await openCase();
    await run(SET_WAITING, await waitInput(incident.id, 'first'));
    clock = new Date('2026-03-18T10:00:00Z');
    await run(CLEAR_WAITING, await waitInput(incident.id, 'answered'));
    clock = new Date('2026-03-18T11:00:00Z');
    await run(SET_WAITING, await waitInput(incident.id, 'second'));
    const rows = await db.dataSource
      .getRepository(IncidentClockPause)
      .find({ where: { incidentId: incident.id }, order: { startedAt: 'ASC' } });
    expect(rows.map((row) => [row.note, row.endedAt === null, row.openKey === null])).toEqual([
      ['first', false, true],
      ['second', true, false],
    ]);
  });

  it('every event the producers wrote above decodes through the event contract', async () => {
    const { topics, refused } = await decodeOutbox(db.dataSource);
    expect(topics).toEqual(expect.arrayContaining(['incident.clock-paused', 'incident.severity-changed']));
    expect(refused).toEqual([]);
  });
});
