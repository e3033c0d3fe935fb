import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { buildSchema, graphql } from 'graphql';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { WebSocket } from 'ws';
import { authConfig, issueToken, verifyPrincipal, type Principal } from '@polyplus/auth';
import { createRedis, eventStreamKey, isEventTopic, publishToStream, sampleEventPayload, type EventEnvelope } from '@polyplus/events';
import { startServiceLogger } from '@polyplus/logger';
import { metricValue, metricsRegistry } from '@polyplus/metrics';
import { deleteRedisKeys, uniqueTestPrefix } from '@polyplus/testing';
import { until } from '@polyplus/polling';
import { startGateway, type RunningGateway } from '../gateway';
import { closeNow, listenAsSubgraph } from '../testing/gateway-test-env';

type Case = { id: string; customerId: string; severity: number; status: string };

/**
 * The incidents subgraph's part of the contract the gateway relies on: `incident(id)` behind the
 * signed principal header, a customer seeing only its own cases. Real gateway, real Redis stream;
 * the full subgraph is exercised end to end in test/subscriptions.e2e-spec.ts.
 */
function startIncidentsStandIn(cases: Case[], secrets: string[]) {
  const schema = buildSchema(
    'type Query { incident(id: ID!): Incident } type Incident { id: ID! status: String! severity: Int! customer: Customer! } type Customer { id: ID! }',
  );
  const readers: { subject: string; incidentId: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    // An unparseable body or a failing execution answers 500 rather than leaving the gateway waiting.
    request.on('end', () => {
      answer().catch((error: unknown) => response.writeHead(500).end(String(error)));
    });
    const answer = async () => {
      let principal: Principal;
      try {
        principal = verifyPrincipal(request.headers, secrets);
      } catch {
        response
          .writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: 'unsigned', extensions: { code: 'UNAUTHENTICATED' } }] }));
        return;
      }
      const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
      const rootValue = {
        incident: ({ id }: { id: string }) => {
          readers.push({ subject: principal.subject, incidentId: id });
          const found = cases.find((c) => c.id === id);
          if (!found || (principal.customerIds.length > 0 && !principal.customerIds.includes(found.customerId))) return null;
          return { ...found, customer: { id: found.customerId } };
        },
      };
      const result = await graphql({ schema, source: query, variableValues: variables, rootValue });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    };
  });
  return {
    readers,
    listen: () => listenAsSubgraph(server),
    close: () => closeNow(server),
  };
}

type Received = { results: FormattedExecutionResult[]; errors: unknown[]; completed: boolean };

describe('GraphQL subscriptions on the gateway', () => {
  const prefix = uniqueTestPrefix('subscriptions');
  const cases: Case[] = [
    { id: 'a-1', customerId: 'A', severity: 2, status: 'NEW' },
    { id: 'a-2', customerId: 'A', severity: 1, status: 'NEW' },
    { id: 'b-1', customerId: 'B', severity: 1, status: 'NEW' },
  ];
  const config = authConfig({});
  const standIn = startIncidentsStandIn(cases, config.principalSecrets);
  const redis = createRedis('worker');
  const clients: Client[] = [];
  let gateway: RunningGateway;
  let wsUrl: string;

  beforeAll(async () => {
    const unreachable = 'http://127.0.0.1:9/graphql';
    const incidentsUrl = await standIn.listen();
    const env = {
      ...process.env,
      QUEUE_PREFIX: prefix,
      INCIDENTS_URL: incidentsUrl,
      CUSTOMERS_URL: unreachable,
      DEVICES_URL: unreachable,
      LOGISTICS_URL: unreachable,
      DISPATCH_URL: unreachable,
    };
    gateway = await startGateway({ port: 0, env });
    wsUrl = gateway.url.replace(/^http/, 'ws');
  }, 180_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await gateway?.stop().catch(() => undefined);
    await standIn.close();
    redis.disconnect();
    await deleteRedisKeys(prefix);
  }, 60_000);

  async function connect(principal: Principal | string): Promise<{ client: Client; closed: Promise<{ code: number; reason: string }> }> {
    const token = typeof principal === 'string' ? principal : await issueToken(principal, config);
    let onClosed: (event: { code: number; reason: string }) => void = () => undefined;
    const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
      on: { closed: (event) => onClosed(event as { code: number; reason: string }) },
    });
    clients.push(client);
    return { client, closed };
  }

  function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): Received {
    const received: Received = { results: [], errors: [], completed: false };
    client.subscribe(
      { query, variables },
      {
        next: (result) => void received.results.push(result as FormattedExecutionResult),
        error: (error) => void received.errors.push(error),
        complete: () => void (received.completed = true),
      },
    );
    return received;
  }

  /**
   * A payload as the incidents subgraph writes it about case `key` (its customer, no snapshot: the
   * case is as read), with `fields` over it; a topic outside the event contract carries `fields` only.
   */
  const payloadOf = (topic: string, key: string, fields: Record<string, unknown> = {}): Record<string, unknown> =>
    isEventTopic(topic)
      ? sampleEventPayload(topic, {
          incidentId: key,
          customerId: cases.find((c) => c.id === key)?.customerId,
          version: undefined,
          changed: undefined,
          snapshot: undefined,
          ...fields,
        })
      : fields;

  const publish = (...events: [topic: string, key: string, fields?: Record<string, unknown>, id?: string][]) =>
    publishToStream(
      redis,
      eventStreamKey(prefix),
      events.map(([topic, key, fields, id]): EventEnvelope => ({
        id: id ?? randomUUID(),
        topic,
        key,
        source: 'incidents',
        occurredAt: new Date().toISOString(),
        payload: payloadOf(topic, key, fields),
      })),
    );

  const customer = (id: string): Principal => ({ subject: `admin-${id}`, role: 'CUSTOMER_ADMIN', customerIds: [id] });
  const updates = (received: Received) =>
    received.results.map((result) => {
      const update = result.data?.incidentUpdated as { topic: string; incident: { id: string } };
      return `${update.topic} ${update.incident.id}`;
    });

  it('each customer receives the updates of its own cases only, in order, each read with its own principal', async () => {
    const a = subscribe((await connect(customer('A'))).client, 'subscription { incidentUpdated { topic incident { id status } } }');
    const b = subscribe((await connect(customer('B'))).client, 'subscription { incidentUpdated { topic incident { id } } }');
    await until(() => gatewaySubscribers() === 2, 'both subscriptions registered');
    // One event names the wrong customer (B) for A's case: then only the subgraph's own tenant rule keeps B out.
    // Topics outside the event contract (another domain's, or one it does not name) are not followed.
    await publish(
      ['incident.opened', 'a-1'],
      ['incident.opened', 'b-1'],
      ['incident.status-changed', 'a-1'],
      ['incident.escalated', 'a-2'],
      ['device.registered', 'a-1'],
      ['incident.resolved', 'a-1'],
      ['incident.severity-changed', 'a-1'],
      ['incident.updated', 'a-1', { customerId: 'B' }],
      ['incident.updated', 'b-1'],
    );
    await until(() => a.results.length >= 4 && b.results.length >= 2, 'deliveries');
    expect(updates(a)).toEqual([
      'incident.opened a-1',
      'incident.status-changed a-1',
      'incident.escalated a-2',
      'incident.severity-changed a-1',
    ]);
    // B's last update came after every event about A's cases: B got none of them.
    expect(updates(b)).toEqual(['incident.opened b-1', 'incident.updated b-1']);
    expect(a.results[0]).toEqual({ data: { incidentUpdated: { topic: 'incident.opened', incident: { id: 'a-1', status: 'NEW' } } } });
    // B's look-up of A's case (the event naming B) went to the subgraph signed as B, and found nothing.
    expect(standIn.readers).toContainEqual({ subject: 'admin-B', incidentId: 'a-1' });
    expect(standIn.readers).not.toContainEqual({ subject: 'admin-B', incidentId: 'a-2' });
  });

  it('a filter by severity and status is applied to the case as it is after the change', async () => {
    const staff: Principal = { subject: 'tsr', role: 'SUPPORT_ENGINEER', customerIds: [] };
    const { client } = await connect(staff);
    const critical = subscribe(
      client,
      'subscription ($filter: IncidentUpdateFilter) { incidentUpdated(filter: $filter) { topic incident { id } } }',
      { filter: { severity: 1 } },
    );
    const resolved = subscribe(
      client,
      'subscription { incidentUpdated(filter: { status: RESOLVED, customerId: "A" }) { topic incident { id } } }',
    );
    await until(() => gatewaySubscribers() >= 4, 'subscriptions registered');
    cases[0].status = 'RESOLVED';
    await publish(['incident.updated', 'a-1'], ['incident.updated', 'a-2'], ['incident.updated', 'b-1']);
    await until(() => critical.results.length >= 2 && resolved.results.length >= 1, 'deliveries');
    await publish(['incident.updated', 'b-1']);
    await until(() => critical.results.length >= 3, 'the last delivery');
    expect(updates(critical)).toEqual(['incident.updated a-2', 'incident.updated b-1', 'incident.updated b-1']);
    expect(updates(resolved)).toEqual(['incident.updated a-1']);
  });

  it('an event on a followed topic that the contract refuses reaches no subscriber, is logged once and counted; the next still arrives', async () => {
    const undecodable = async () =>
      metricValue(await metricsRegistry().metrics(), 'polyplus_subscription_events_undecodable_total', { topic: 'incident.updated' }) ?? 0;
    const before = await undecodable();
    const lines: string[] = [];
    startServiceLogger('gateway', { destination: { write: (line: string) => void lines.push(line) } });
    try {
      const subscribers = gatewaySubscribers();
      const feed = subscribe((await connect(customer('A'))).client, 'subscription { incidentUpdated { topic incident { id } } }');
      await until(() => gatewaySubscribers() > subscribers, 'the subscription registered');
      const refused = randomUUID();
      await publish(['incident.updated', 'a-2', { customerId: undefined }, refused], ['incident.updated', 'a-1']);
      await until(() => feed.results.length >= 1, 'the delivery after the refused event');
      expect(updates(feed)).toEqual(['incident.updated a-1']);
      const logged = lines.map((line) => (JSON.parse(line) as { msg: string }).msg).filter((message) => message.includes(refused));
      expect(logged).toEqual([
        expect.stringMatching(
          new RegExp(`incident\\.updated ${refused} undecodable, skipped: customerId: .*expected string, received undefined`),
        ),
      ]);
      expect((await undecodable()) - before).toBe(1);
    } finally {
      startServiceLogger('gateway');
    }
  });

  it('a bad or expired token is refused when connecting, with close code 4403', async () => {
    const forged = await issueToken(customer('A'), {
      ...config,
      jwtKeys: { [config.currentKeyId]: 'not-the-gateway-key-but-32-characters-long' },
    });
    const expired = await issueToken(customer('A'), config, '-5m');
    for (const token of [forged, expired, 'garbage']) {
      const { closed } = await connect(token);
      expect((await closed).code).toBe(4403);
    }
  });

  it('a connection is closed with 4403 when its token expires', async () => {
    const { client, closed } = await connect(await issueToken(customer('A'), config, '2s'));
    const feed = subscribe(client, 'subscription { incidentUpdated { topic } }');
    expect(await closed).toMatchObject({ code: 4403, reason: 'Token expired' });
    expect(feed.results).toEqual([]);
  });

  it('a subscription too deep for the query limits is refused before it is served', async () => {
    const { client } = await connect(customer('A'));
    const nested = Array.from({ length: 10 }, () => 'device { incidents {').join(' ');
    const deep = subscribe(client, `subscription { incidentUpdated { incident { ${nested} id ${'} }'.repeat(10)} } } }`);
    await until(() => deep.errors.length > 0, 'the refusal');
    expect(deep.errors[0]).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' }) }),
    ]);
  });

  it('a subscription with a wrongly typed variable or an impossible date is refused as BAD_USER_INPUT before it is served', async () => {
    const { client } = await connect(customer('A'));
    const typed = subscribe(client, 'subscription($s: Int) { incidentUpdated(filter: { severity: $s }) { topic } }', { s: 'high' });
    const dated = subscribe(
      client,
      'subscription { incidentUpdated { incident { device { entitlement(at: "2026-02-30T10:00:00Z") { covered } } } } }',
    );
    await until(() => typed.errors.length > 0 && dated.errors.length > 0, 'the refusals');
    expect([typed.errors[0], dated.errors[0]]).toEqual([
      [
        expect.objectContaining({
          message: expect.stringMatching(/^Variable "\$s" got invalid value "high"/),
          extensions: { code: 'BAD_USER_INPUT' },
        }),
      ],
      [
        expect.objectContaining({
          message: expect.stringMatching(/^Argument "at" of field "entitlement" has invalid value; .*February 2026 has 28 days/),
          extensions: { code: 'BAD_USER_INPUT' },
        }),
      ],
    ]);
  });

  it('queries and mutations are refused over WebSocket: they go through HTTP and its rate limit', async () => {
    const { client } = await connect(customer('A'));
    const query = subscribe(client, '{ incident(id: "a-1") { id } }');
    await until(() => query.errors.length > 0, 'the refusal');
    expect(query.errors[0]).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
  });

  // Starts a gateway of its own: room for a loaded machine.
  it('in production, a refused subscription names no field suggestions', async () => {
    const productionEnv = {
      ...process.env,
      NODE_ENV: 'production',
      QUEUE_PREFIX: prefix,
      AUTH_JWT_KEYS: JSON.stringify({ prod1: 'a-production-signing-key-of-32-characters' }),
      AUTH_PRINCIPAL_SECRETS: 'a-production-principal-secret-32-characters',
    };
    const production = await startGateway({ port: 0, env: productionEnv });
    try {
      const client = createClient({
        url: production.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${await issueToken(customer('A'), authConfig(productionEnv))}` },
        retryAttempts: 0,
      });
      clients.push(client);
      const typo = subscribe(client, 'subscription { incidentUpdated { incident { statuss } } }');
      await until(() => typo.errors.length > 0, 'the refusal');
      expect(typo.errors[0]).toEqual([
        expect.objectContaining({
          message: 'Cannot query field "statuss" on type "Incident".',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      ]);
    } finally {
      await production.stop();
    }
  }, 120_000);

  it('stopping the gateway completes the open subscriptions', async () => {
    const { client } = await connect(customer('A'));
    const before = gatewaySubscribers();
    const open = subscribe(client, 'subscription { incidentUpdated { topic } }');
    await until(() => gatewaySubscribers() > before, 'the subscription registered');
    await gateway.stop();
    await until(() => open.completed || open.errors.length > 0, 'the end of the subscription');
    expect({ completed: open.completed, errors: open.errors }).toEqual({ completed: true, errors: [] });
  });

  // Subscriptions the gateway holds: graphql-ws does not acknowledge a subscribe, so wait for this.
  const gatewaySubscribers = () => gateway.subscriptions?.hub.size ?? 0;
});
