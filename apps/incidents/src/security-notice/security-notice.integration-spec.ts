import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { Queue } from 'bullmq';
import type { Principal } from '@polyplus/auth';
import { createRedis, decodedEvent, decodeOutbox, SECURITY_NOTICE_PUBLISHED, type EventEnvelope } from '@polyplus/events';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import type { SubgraphClient } from '@polyplus/subgraph-kit';
import { answer, closeQueueSuite, executeOperation, fakeSubgraphClient, operationData } from '@polyplus/testing';
import { createIncidentsSubgraph, incidentsSubgraph } from '../incidents-subgraph';
import { FakeWorld } from '../testing/fake-subgraphs';
import { CUSTOMER_ENTITIES } from './customer-registry';
import { WebhookDelivery } from '../webhook/webhook-delivery.entity';
import { WebhookEndpoint } from '../webhook/webhook-endpoint.entity';
import { newWebhookEndpoint } from '../webhook/new-webhook-endpoint';
import { webhookFanout } from '../webhook/webhook-fanout';
import { WEBHOOK_DELIVERY_QUEUE, type WebhookDeliveryJob } from '../webhook/webhook-queue';

const RECORD = 'mutation ($input: RecordSecurityNoticeInput!) { recordSecurityNotice(input: $input) { id status notifiedAt } }';
const PUBLISH = 'mutation ($id: ID!) { publishSecurityNotice(id: $id) { id status notifiedAt publishedBy } }';
const ACKNOWLEDGE =
  'mutation ($noticeId: ID!, $customerId: ID) { acknowledgeSecurityNotice(noticeId: $noticeId, customerId: $customerId) { id } }';
const NOTICES =
  'query ($customerId: ID, $status: SecurityNoticeStatus) { securityNotices(customerId: $customerId, status: $status) { id title status recipients { customerId acknowledgedAt acknowledgedBy } } }';

type Notice = {
  id: string;
  title: string;
  status: string;
  recipients: { customerId: string; acknowledgedAt: string | null; acknowledgedBy: string | null }[];
};

/** The customers subgraph as the registry asks it: `_entities` answers null for an unknown id. */
function customersKnowing(known: Set<string>): SubgraphClient {
  return fakeSubgraphClient(
    answer(CUSTOMER_ENTITIES, ({ representations }) => ({ _entities: representations.map(({ id }) => (known.has(id) ? { id } : null)) })),
  );
}

describe('security and privacy notices (ISMS: "the Customer will be notified in a timely fashion")', () => {
  const [affectedA, affectedB, bystander] = [randomUUID(), randomUUID(), randomUUID()];
  const adminA: Principal = { subject: 'olivia', role: 'CUSTOMER_ADMIN', customerIds: [affectedA] };
  const technicianA: Principal = { subject: 'sam', role: 'CUSTOMER_TECHNICIAN', customerIds: [affectedA], contactId: 'k-sam' };
  const adminB: Principal = { subject: 'lena', role: 'CUSTOMER_ADMIN', customerIds: [affectedB] };
  const bystanderAdmin: Principal = { subject: 'dana', role: 'CUSTOMER_ADMIN', customerIds: [bystander] };
  const partnerA: Principal = { subject: 'partner-zoom', role: 'PARTNER', customerIds: [affectedA] };
  const engineer: Principal = { subject: 'jane', role: 'SUPPORT_ENGINEER', customerIds: [] };
  const prefix = `test-notices-${randomUUID()}`;
  const redis = createRedis('worker');
  const queue = new Queue<WebhookDeliveryJob>(WEBHOOK_DELIVERY_QUEUE, { connection: redis, prefix });
  let clock = new Date('2026-03-04T09:00:00Z');
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let noticeId: string;

  const input = (overrides: Record<string, unknown> = {}) => ({
    kind: 'PRIVACY',
    severity: 'HIGH',
    title: 'Support portal session tokens exposed in logs',
    summary:
      'Between 1 and 3 March session tokens of the support portal were written to an internal log. Tokens were revoked; sign in again.',
    detectedAt: '2026-03-03T16:20:00Z',
    affectedCustomerIds: [affectedA, affectedB],
    ...overrides,
  });
  const tables = async () => ({
    notices: await db.dataSource.query('SELECT * FROM security_notice ORDER BY id'),
    recipients: await db.dataSource.query('SELECT * FROM security_notice_recipient ORDER BY noticeId, customerId'),
    outbox: await db.dataSource.query('SELECT id FROM outbox_event ORDER BY id'),
  });
  const notices = async (principal: Principal, variables: Record<string, unknown> = {}) =>
    (await operationData<{ securityNotices: Notice[] }>(schema, NOTICES, variables, principal)).securityNotices;

  beforeAll(async () => {
    db = await createTestDatabase('incidents_notices', incidentsSubgraph.database);
    const world = new FakeWorld();
    ({ schema } = await createIncidentsSubgraph({
      devices: world.devicesClient,
      customers: customersKnowing(new Set([affectedA, affectedB, bystander])),
      now: () => clock,
    }).build(db.dataSource));
    ({
      recordSecurityNotice: { id: noticeId },
    } = await operationData<{ recordSecurityNotice: { id: string } }>(schema, RECORD, { input: input() }, engineer));
  }, 120_000);
  afterAll(() => closeQueueSuite(queue, redis, db), 60_000);

  it('a recorded notice is a draft: vendor staff see it, no customer does, and nothing is announced yet', async () => {
    expect((await notices(engineer)).map((notice) => [notice.id, notice.status])).toEqual([[noticeId, 'DRAFT']]);
    expect(await notices(adminA)).toEqual([]);
    expect(
      (
        await operationData<{ securityNotice: unknown }>(
          schema,
          'query ($id: ID!) { securityNotice(id: $id) { id } }',
          { id: noticeId },
          adminA,
        )
      ).securityNotice,
    ).toBeNull();
    expect((await tables()).outbox).toEqual([]);
  });

  it('publishing notifies each affected customer: one security-notice.published event per affected customer, in the outbox with the change', async () => {
    clock = new Date('2026-03-04T10:00:00Z');
    const { publishSecurityNotice } = await operationData<{
      publishSecurityNotice: { status: string; notifiedAt: string; publishedBy: string };
    }>(schema, PUBLISH, { id: noticeId }, engineer);
    expect(publishSecurityNotice).toMatchObject({
      status: 'PUBLISHED',
      notifiedAt: '2026-03-04T10:00:00.000Z',
      publishedBy: 'SUPPORT_ENGINEER:jane',
    });
    const events: { topic: string; aggregateKey: string; payload: string }[] = await db.dataSource.query(
      'SELECT topic, aggregateKey, payload FROM outbox_event ORDER BY aggregateKey, payload',
    );
    expect(
      events
        .map((event) => ({ topic: event.topic, key: event.aggregateKey, payload: JSON.parse(event.payload) }))
        .sort((x, y) => x.payload.customerId.localeCompare(y.payload.customerId)),
    ).toEqual(
      [affectedA, affectedB].sort().map((customerId) => ({
        topic: SECURITY_NOTICE_PUBLISHED,
        key: noticeId,
        payload: {
          noticeId,
          customerId,
          kind: 'PRIVACY',
          severity: 'HIGH',
          title: 'Support portal session tokens exposed in logs',
          notifiedAt: '2026-03-04T10:00:00.000Z',
        },
      })),
    );
  });

  it('a notice visible only to affected customers: their admins and technicians see it with only their own acknowledgement; another customer never does', async () => {
    for (const principal of [adminA, technicianA]) {
      expect(await notices(principal)).toEqual([
        {
          id: noticeId,
          title: 'Support portal session tokens exposed in logs',
          status: 'PUBLISHED',
          recipients: [{ customerId: affectedA, acknowledgedAt: null, acknowledgedBy: null }],
        },
      ]);
    }
    expect((await notices(adminB)).map((notice) => notice.recipients.map((recipient) => recipient.customerId))).toEqual([[affectedB]]);
    expect(await notices(bystanderAdmin)).toEqual([]);
    expect(
      (
        await operationData<{ securityNotice: unknown }>(
          schema,
          'query ($id: ID!) { securityNotice(id: $id) { id } }',
          { id: noticeId },
          bystanderAdmin,
        )
      ).securityNotice,
    ).toBeNull();
    expect((await executeOperation(schema, NOTICES, { customerId: affectedA }, bystanderAdmin)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await executeOperation(schema, NOTICES, {}, partnerA)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await executeOperation(schema, 'query ($id: ID!) { securityNotice(id: $id) { recordedBy } }', { id: noticeId }, adminA)).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('an affected customer acknowledges the notice; the verified caller and the time are recorded, a second acknowledgement keeps the first; staff see who acknowledged', async () => {
    clock = new Date('2026-03-04T10:30:00Z');
    await operationData(schema, ACKNOWLEDGE, { noticeId }, technicianA);
    clock = new Date('2026-03-04T11:00:00Z');
    await operationData(schema, ACKNOWLEDGE, { noticeId, customerId: affectedA }, adminA);
    const [staffView] = await notices(engineer);
    expect(staffView.recipients).toEqual(
      [
        { customerId: affectedA, acknowledgedAt: '2026-03-04T10:30:00.000Z', acknowledgedBy: 'CUSTOMER_TECHNICIAN:sam' },
        { customerId: affectedB, acknowledgedAt: null, acknowledgedBy: null },
      ].sort((x, y) => x.customerId.localeCompare(y.customerId)),
    );
  });

  it('a customer the notice does not affect cannot acknowledge it (NOT_FOUND), nor for another customer (FORBIDDEN); staff do not acknowledge for customers; nothing is written', async () => {
    const before = await tables();
    expect((await executeOperation(schema, ACKNOWLEDGE, { noticeId }, bystanderAdmin)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await executeOperation(schema, ACKNOWLEDGE, { noticeId, customerId: affectedB }, adminA)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await executeOperation(schema, ACKNOWLEDGE, { noticeId }, engineer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await executeOperation(schema, ACKNOWLEDGE, { noticeId: randomUUID() }, adminA)).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect(await tables()).toEqual(before);
  });

  it('a published notice is published once: publishing again is CONFLICT and announces nothing more', async () => {
    const before = await tables();
    expect((await executeOperation(schema, PUBLISH, { id: noticeId }, engineer)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await executeOperation(schema, PUBLISH, { id: randomUUID() }, engineer)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await tables()).toEqual(before);
  });

  it('only support staff record and publish notices; customers, partners and planners are refused and nothing is written', async () => {
    const before = await tables();
    const planner: Principal = { subject: 'pete', role: 'DISPATCH_PLANNER', customerIds: [] };
    for (const principal of [adminA, partnerA, planner]) {
      expect((await executeOperation(schema, RECORD, { input: input() }, principal)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await executeOperation(schema, PUBLISH, { id: noticeId }, principal)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await tables()).toEqual(before);
  });

  it('the published event reaches the webhook endpoints of partners the affected customer authorised, and no other', async () => {
    const endpoint = (partnerId: string, customerIds: string[], eventTypes = [SECURITY_NOTICE_PUBLISHED]) =>
      newWebhookEndpoint({
        id: randomUUID(),
        partnerId,
        url: 'https://hooks.partner.example/poly',
        eventTypes,
        customerIds,
        secret: 'whsec_test',
        createdAt: clock,
      });
    const forA = endpoint('partner-zoom', [affectedA]);
    const forBystander = endpoint('partner-webex', [bystander]);
    const notSubscribed = endpoint('partner-ring', [affectedA], ['incident.opened']);
    await db.dataSource.getRepository(WebhookEndpoint).insert([forA, forBystander, notSubscribed]);
    const fanout = webhookFanout(db.dataSource, queue, { maxAttempts: 1, now: () => clock });
    const rows: { id: string; topic: string; aggregateKey: string; payload: string; occurredAt: Date }[] = await db.dataSource.query(
      'SELECT id, topic, aggregateKey, payload, occurredAt FROM outbox_event',
    );
    for (const row of rows) {
      const envelope: EventEnvelope = {
        id: row.id,
        topic: row.topic,
        key: row.aggregateKey,
        source: 'incidents',
        occurredAt: row.occurredAt.toISOString(),
        payload: JSON.parse(row.payload),
      };
      await fanout(decodedEvent(envelope));
    }
    const deliveries = await db.dataSource.getRepository(WebhookDelivery).find();
    expect(deliveries.map((delivery) => [delivery.endpointId, delivery.eventType])).toEqual([[forA.id, SECURITY_NOTICE_PUBLISHED]]);
    expect(JSON.parse(deliveries[0].body)).toMatchObject({
      type: SECURITY_NOTICE_PUBLISHED,
      data: { noticeId, customerId: affectedA, severity: 'HIGH' },
    });
    const types = await operationData<{ webhookEventTypes: string[] }>(schema, '{ webhookEventTypes }', {}, partnerA);
    expect(types.webhookEventTypes).toContain(SECURITY_NOTICE_PUBLISHED);
  });

  it.each([
    ['a title of 201 characters', { title: 'x'.repeat(201) }, 'title'],
    ['a blank title', { title: '  ' }, 'title'],
    ['a summary of 10,001 characters', { summary: 'x'.repeat(10_001) }, 'summary'],
    ['a blank summary', { summary: '\n\t ' }, 'summary'],
    ['a detection time in year 0000', { detectedAt: '0000-01-01T00:00:00Z' }, 'detectedAt'],
    ['no affected customer', { affectedCustomerIds: [] }, 'affectedCustomerIds'],
    ['an affected customer named twice', { affectedCustomerIds: [affectedA, affectedA.toUpperCase()] }, 'affectedCustomerIds'],
    ['an affected customer id that is not a UUID', { affectedCustomerIds: ['northwind'] }, 'affectedCustomerIds'],
    ['1,001 affected customers', { affectedCustomerIds: Array.from({ length: 1001 }, () => randomUUID()) }, 'affectedCustomerIds'],
  ])('%s is BAD_USER_INPUT naming the field, and nothing is written', async (_case, overrides, field) => {
    const before = await tables();
    const result = await executeOperation(schema, RECORD, { input: input(overrides) }, engineer);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field }] });
    expect(await tables()).toEqual(before);
  });

  it('a detection time in the future is BAD_USER_INPUT naming detectedAt; an unknown affected customer is NOT_FOUND; nothing is written', async () => {
    const before = await tables();
    expect(
      (await executeOperation(schema, RECORD, { input: input({ detectedAt: '2026-03-05T00:00:00Z' }) }, engineer)).errors?.[0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'detectedAt' });
    const unknown = randomUUID();
    expect(
      (await executeOperation(schema, RECORD, { input: input({ affectedCustomerIds: [affectedA, unknown] }) }, engineer)).errors?.[0]
        .extensions,
    ).toMatchObject({ code: 'NOT_FOUND', id: unknown });
    expect(await tables()).toEqual(before);
  });

  it('every event the producers wrote above decodes through the event contract', async () => {
    const { topics, refused } = await decodeOutbox(db.dataSource);
    expect(topics).toEqual(expect.arrayContaining(['security-notice.published']));
    expect(refused).toEqual([]);
  });
});
