import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphql, type GraphQLSchema } from 'graphql';
import { Queue } from 'bullmq';
import type { Principal } from '@polyplus/auth';
import {
  appendToOutbox,
  checkedOutboxEvent,
  createRedis,
  decodedEvent,
  sampleEventPayload,
  type EventEnvelope,
  type EventTopic,
} from '@polyplus/events';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { deleteRedisKeys } from '@polyplus/testing';
import { until } from '@polyplus/polling';
import { memorySeenWebhookIds, verifyWebhook, WebhookVerificationError, type WebhookPayload } from '@polyplus/webhooks';
import { createIncidentsSubgraph, incidentsSubgraph } from '../incidents-subgraph';
import { FakeWorld, SUPPORT_DESK } from '../testing/fake-subgraphs';
import { IncidentService } from '../incident/incident.service';
import { ContactChannel } from '../incident/contact-channel';
import { placeCalendar } from '@polyplus/business-calendar';
import type { WebhookConfig } from './webhook-config';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { webhookFanout } from './webhook-fanout';
import { WEBHOOK_DELIVERY_QUEUE, webhookJobId, type WebhookDeliveryJob } from './webhook-queue';

type Received = { path: string; headers: IncomingHttpHeaders; body: string };

/** A partner's receiver: answers each path by a script of status codes (the last one repeats). */
async function startReceiver(
  scripts: Record<string, number[]>,
): Promise<{ server: Server; url: (path: string) => string; received: Received[] }> {
  const received: Received[] = [];
  const served = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const script = scripts[path] ?? [404];
      const n = served.get(path) ?? 0;
      served.set(path, n + 1);
      response.writeHead(script[Math.min(n, script.length - 1)]).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: (path) => `http://127.0.0.1:${port}${path}`, received };
}

describe('partner webhooks', () => {
  const prefix = `test-webhooks-${randomUUID()}`;
  const world = new FakeWorld();
  const site = world.site();
  const customerA = randomUUID();
  const customerB = randomUUID();
  const partner: Principal = { subject: 'partner-zoom', role: 'PARTNER', customerIds: [customerA] };
  const otherPartner: Principal = { subject: 'partner-webex', role: 'PARTNER', customerIds: [customerA] };
  const staff: Principal = { subject: 'tsr.ana', role: 'SUPPORT_ENGINEER', customerIds: [] };
  const customerAdmin: Principal = { subject: 'admin-a', role: 'CUSTOMER_ADMIN', customerIds: [customerA] };
  // Small delays so retries take milliseconds; two failed deliveries in a row disable an endpoint.
  const config: Partial<WebhookConfig> = {
    retry: { baseMs: 40, factor: 2, maxMs: 200, jitter: 0.2, maxAttempts: 3 },
    timeoutMs: 2_000,
    disableAfterFailures: 2,
    allowPrivateHosts: ['127.0.0.1'],
  };
  const redis = createRedis('worker');
  const queue = new Queue<WebhookDeliveryJob>(WEBHOOK_DELIVERY_QUEUE, { connection: redis, prefix });
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let close: (() => Promise<void>) | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let incidents: IncidentService;

  beforeAll(async () => {
    receiver = await startReceiver({ '/flaky': [500, 503, 204], '/down': [503], '/ok': [200] });
    db = await createTestDatabase('incidents_webhooks', incidentsSubgraph.database);
    const definition = createIncidentsSubgraph({
      devices: world.devicesClient,
      customers: world.customersClient,
      queuePrefix: prefix,
      outboxPollMs: 50,
      webhooks: config,
    });
    const built = await definition.build(db.dataSource);
    schema = built.schema;
    await built.start?.();
    close = built.close;
    incidents = new IncidentService(db.dataSource, { ...world.directories(), calendars: placeCalendar });
  }, 120_000);

  afterAll(async () => {
    await close?.();
    await queue.obliterate({ force: true });
    await queue.close();
    await deleteRedisKeys(prefix);
    redis.disconnect();
    await new Promise((resolve) => receiver.server.close(resolve));
    await db.drop();
  }, 60_000);

  async function run<T = Record<string, unknown>>(principal: Principal, source: string, variableValues: Record<string, unknown> = {}) {
    const result = await graphql({ schema, source, variableValues, contextValue: { principal } });
    return { data: result.data as T | null | undefined, errors: result.errors };
  }

  async function register(principal: Principal, url: string, eventTypes: string[]): Promise<{ id: string; secret: string }> {
    const result = await run<{ registerWebhookEndpoint: { endpoint: { id: string }; secret: string } }>(
      principal,
      'mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { endpoint { id } secret } }',
      { input: { url, eventTypes } },
    );
    if (result.errors) throw result.errors[0];
    return { id: result.data!.registerWebhookEndpoint.endpoint.id, secret: result.data!.registerWebhookEndpoint.secret };
  }

  const openCase = (customerId: string) => {
    const device = world.device(site, { customerId });
    return incidents.open(
      {
        contactId: world.designatedContact(customerId),
        deviceId: device.id,
        severity: 2,
        channel: ContactChannel.WEB,
        summary: 'Camera freezes',
      },
      SUPPORT_DESK,
    );
  };

  // The fields a test names over a well-formed payload of the topic: the fan-out reads events through the contract.
  const publish = (topic: EventTopic, key: string, payload: Record<string, unknown>) =>
    db.dataSource.transaction((manager) =>
      appendToOutbox(manager, checkedOutboxEvent(topic, { key, payload: sampleEventPayload(topic, payload) })),
    );

  const deliveriesOf = (endpointId: string) =>
    db.dataSource.getRepository(WebhookDelivery).find({ where: { endpointId }, order: { createdAt: 'ASC' } });
  const settled = (endpointId: string, count: number) =>
    until(async () => {
      const rows = await deliveriesOf(endpointId);
      return rows.length === count && rows.every((row) => row.status !== 'PENDING') && rows;
    }, `${count} settled deliveries to ${endpointId}`);

  it('a receiver that fails twice then succeeds gets exactly one accepted delivery, validly signed, with the retries in the delivery log', async () => {
    const endpoint = await register(partner, receiver.url('/flaky'), ['incident.opened']);
    const incident = await openCase(customerA);

    const [delivery] = await settled(endpoint.id, 1);
    const requests = receiver.received.filter((request) => request.path === '/flaky');
    expect(requests).toHaveLength(3);
    // The receiver we ship: each attempt verifies; the replay store accepts the id once.
    const seenIds = memorySeenWebhookIds();
    const accepted: WebhookPayload[] = [];
    for (const [i, request] of requests.entries()) {
      const verified = await verifyWebhook<WebhookPayload>({ headers: request.headers, body: request.body, secrets: [endpoint.secret] });
      // Only the third attempt was answered 2xx; a receiver records what it accepted.
      if (i === 2)
        accepted.push(
          (await verifyWebhook<WebhookPayload>({ headers: request.headers, body: request.body, secrets: [endpoint.secret], seenIds }))
            .payload,
        );
      expect(verified.id).toBe(`${endpoint.id}:${delivery.eventId}`);
    }
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({
      id: delivery.eventId,
      type: 'incident.opened',
      data: { incidentId: incident.id, customerId: customerA },
    });
    expect(new Set(requests.map((request) => request.body)).size).toBe(1);

    const log = await run<{ webhookDeliveries: unknown[] }>(
      partner,
      'query ($id: ID!) { webhookDeliveries(endpointId: $id) { status attemptCount eventType idempotencyKey deliveredAt attempts { attempt outcome statusCode error attemptedAt durationMs } } }',
      { id: endpoint.id },
    );
    expect(log.errors).toBeUndefined();
    expect(log.data?.webhookDeliveries).toEqual([
      expect.objectContaining({
        status: 'DELIVERED',
        attemptCount: 3,
        eventType: 'incident.opened',
        idempotencyKey: `${endpoint.id}:${delivery.eventId}`,
        attempts: [
          expect.objectContaining({ attempt: 1, outcome: 'FAILED', statusCode: 500, error: 'HTTP 500' }),
          expect.objectContaining({ attempt: 2, outcome: 'FAILED', statusCode: 503, error: 'HTTP 503' }),
          expect.objectContaining({ attempt: 3, outcome: 'ACCEPTED', statusCode: 204, error: null }),
        ],
      }),
    ]);
  });

  it('a re-sent event or a re-run job never delivers twice: one row per endpoint and event, nothing sent for a settled delivery', async () => {
    const endpoint = await register(partner, receiver.url('/ok'), ['incident.escalated']);
    const eventId = await publish('incident.escalated', 'i-1', { incidentId: 'i-1', customerId: customerA, level: 1 });
    await settled(endpoint.id, 1);
    const before = receiver.received.filter((request) => request.path === '/ok').length;
    expect(before).toBe(1);

    // The relay re-sent it and the completed job is gone: the fan-out runs again for the same event.
    await queue.remove(webhookJobId(endpoint.id, eventId));
    const envelope: EventEnvelope = {
      id: eventId,
      topic: 'incident.escalated',
      key: 'i-1',
      source: 'incidents',
      occurredAt: new Date().toISOString(),
      payload: sampleEventPayload('incident.escalated', { incidentId: 'i-1', customerId: customerA, level: 1 }),
    };
    await webhookFanout(db.dataSource, queue, { maxAttempts: 3 })(decodedEvent(envelope));
    await until(async () => (await queue.getJobState(webhookJobId(endpoint.id, eventId))) === 'completed', 'the re-run job');
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
    expect(receiver.received.filter((request) => request.path === '/ok')).toHaveLength(before);
  });

  it('an endpoint that always fails is disabled after consecutive failed deliveries and receives nothing more', async () => {
    const endpoint = await register(partner, receiver.url('/down'), ['incident.status-changed']);
    await publish('incident.status-changed', 'i-2', { incidentId: 'i-2', customerId: customerA, status: 'RESPONDED' });
    await settled(endpoint.id, 1);
    await publish('incident.status-changed', 'i-3', { incidentId: 'i-3', customerId: customerA, status: 'RESPONDED' });
    const rows = await settled(endpoint.id, 2);
    expect(rows.map((row) => [row.status, row.attemptCount])).toEqual([
      ['FAILED', 3],
      ['FAILED', 3],
    ]);

    const stored = await db.dataSource.getRepository(WebhookEndpoint).findOneByOrFail({ id: endpoint.id });
    expect(stored).toMatchObject({ status: 'DISABLED', consecutiveFailures: 2 });
    expect(stored.disabledReason).toMatch(/2 consecutive failed deliveries; last error: HTTP 503/);

    // A second endpoint shows when the later event has been fanned out.
    const probe = await register(partner, receiver.url('/ok'), ['incident.status-changed']);
    await publish('incident.status-changed', 'i-4', { incidentId: 'i-4', customerId: customerA, status: 'RESOLVED' });
    await settled(probe.id, 1);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(2);
    expect(receiver.received.filter((request) => request.path === '/down')).toHaveLength(6);
  });

  it('events reach only endpoints subscribed to their type and of partners the event’s customer authorised', async () => {
    const endpoint = await register(partner, receiver.url('/ok'), ['incident.partner-status-updated']);
    const foreign = await publish('incident.partner-status-updated', 'i-5', { incidentId: 'i-5', customerId: customerB });
    const unsubscribed = await publish('incident.updated', 'i-5', { incidentId: 'i-5', customerId: customerA });
    const mine = await publish('incident.partner-status-updated', 'i-6', { incidentId: 'i-6', customerId: customerA });
    const [delivery] = await settled(endpoint.id, 1);
    expect(delivery.eventId).toBe(mine);
    expect([foreign, unsubscribed]).not.toContain(delivery.eventId);
  });

  it('a replacement event names no customer: it goes to partners of the customer whose case it is about', async () => {
    const endpoint = await register(partner, receiver.url('/ok'), ['replacement.eta-changed']);
    const incident = await openCase(customerA);
    const other = await openCase(customerB);
    await publish('replacement.eta-changed', 'order-b', { orderId: 'order-b', incidentId: other.id, expectedDeliveryAt: null });
    const eventId = await publish('replacement.eta-changed', 'order-a', {
      orderId: 'order-a',
      incidentId: incident.id,
      expectedDeliveryAt: '2026-12-01T10:00:00.000Z',
    });
    const [delivery] = await settled(endpoint.id, 1);
    expect(delivery.eventId).toBe(eventId);
  });

  it('a URL that became unsafe after registration is refused at delivery and nothing is sent', async () => {
    const endpoint = await register(partner, receiver.url('/ok'), ['incident.updated']);
    const sentBefore = receiver.received.length;
    // As if its DNS now answered with an internal address.
    await db.dataSource.getRepository(WebhookEndpoint).update({ id: endpoint.id }, { url: 'https://10.20.30.40/hook' });
    await publish('incident.updated', 'i-7', { incidentId: 'i-7', customerId: customerA });
    const [delivery] = await settled(endpoint.id, 1);
    expect(delivery).toMatchObject({ status: 'FAILED', attemptCount: 1 });
    const attempts = await db.dataSource.getRepository(WebhookDeliveryAttempt).findBy({ deliveryId: delivery.id });
    expect(attempts).toEqual([expect.objectContaining({ outcome: 'REFUSED', statusCode: null, error: expect.stringMatching(/private/) })]);
    expect(receiver.received.length).toBe(sentBefore);
  });

  it('after a secret rotation deliveries carry both signatures, so the old and the new secret verify', async () => {
    const endpoint = await register(partner, receiver.url('/ok'), ['incident.partner-request-opened']);
    const rotated = await run<{ rotateWebhookEndpointSecret: { secret: string; endpoint: { previousSecretExpiresAt: string } } }>(
      partner,
      'mutation ($id: ID!) { rotateWebhookEndpointSecret(id: $id) { secret endpoint { previousSecretExpiresAt } } }',
      { id: endpoint.id },
    );
    const newSecret = rotated.data!.rotateWebhookEndpointSecret.secret;
    expect(newSecret).not.toBe(endpoint.secret);
    await publish('incident.partner-request-opened', 'i-8', { incidentId: 'i-8', customerId: customerA });
    const [delivery] = await settled(endpoint.id, 1);
    const request = receiver.received.find((r) => r.headers['webhook-id'] === delivery.idempotencyKey)!;
    await expect(verifyWebhook({ headers: request.headers, body: request.body, secrets: [endpoint.secret] })).resolves.toBeDefined();
    await expect(verifyWebhook({ headers: request.headers, body: request.body, secrets: [newSecret] })).resolves.toBeDefined();
    await expect(
      verifyWebhook({ headers: request.headers, body: request.body, secrets: ['whsec_' + Buffer.alloc(24).toString('base64')] }),
    ).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it('a private or loopback URL is refused at registration', async () => {
    for (const url of ['https://192.168.1.20/hook', 'https://169.254.169.254/latest', 'http://localhost:8080/hook', 'https://[::1]/hook']) {
      const result = await run(
        partner,
        'mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }',
        { input: { url, eventTypes: ['incident.opened'] } },
      );
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    }
  });

  it('an unknown event type is refused at registration', async () => {
    const result = await run(
      partner,
      'mutation { registerWebhookEndpoint(input: { url: "https://93.184.216.34/x", eventTypes: ["incident.deleted"] }) { secret } }',
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventTypes' });
  });

  it('customers get FORBIDDEN; a partner sees and manages only its own endpoints; staff see all but do not register', async () => {
    const endpoint = await register(partner, receiver.url('/ok'), ['incident.opened']);
    const list = '{ webhookEndpoints { id partnerId } }';
    expect((await run(customerAdmin, list)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await run(customerAdmin, 'mutation ($id: ID!) { disableWebhookEndpoint(id: $id) { id } }', { id: endpoint.id })).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');

    const theirs = await run<{ webhookEndpoints: { id: string }[] }>(otherPartner, list);
    expect(theirs.data?.webhookEndpoints.map((e) => e.id)).not.toContain(endpoint.id);
    for (const [source, variables] of [
      ['query ($id: ID!) { webhookDeliveries(endpointId: $id) { id } }', { id: endpoint.id }],
      ['mutation ($id: ID!) { disableWebhookEndpoint(id: $id) { id } }', { id: endpoint.id }],
      ['mutation ($id: ID!) { rotateWebhookEndpointSecret(id: $id) { secret } }', { id: endpoint.id }],
    ] as const) {
      expect((await run(otherPartner, source, variables)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }

    const all = await run<{ webhookEndpoints: { id: string; partnerId: string }[] }>(staff, list);
    expect(all.data?.webhookEndpoints).toContainEqual({ id: endpoint.id, partnerId: 'partner-zoom' });
    expect(
      (
        await run(
          staff,
          'mutation { registerWebhookEndpoint(input: { url: "https://93.184.216.34/x", eventTypes: ["incident.opened"] }) { secret } }',
        )
      ).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    const disabled = await run<{ disableWebhookEndpoint: { status: string } }>(
      staff,
      'mutation ($id: ID!) { disableWebhookEndpoint(id: $id) { status } }',
      { id: endpoint.id },
    );
    expect(disabled.data?.disableWebhookEndpoint.status).toBe('DISABLED');
    const enabled = await run<{ enableWebhookEndpoint: { status: string; consecutiveFailures: number } }>(
      partner,
      'mutation ($id: ID!) { enableWebhookEndpoint(id: $id) { status consecutiveFailures } }',
      { id: endpoint.id },
    );
    expect(enabled.data?.enableWebhookEndpoint).toEqual({ status: 'ACTIVE', consecutiveFailures: 0 });
  });
});
