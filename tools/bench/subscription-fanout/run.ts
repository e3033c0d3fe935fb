// Subscription fan-out benchmark: 500 subscriptions (100 principals × 5 selections) on two gateways,
// events committed at a steady rate; prints event committed → delivered p50/p99 and the subgraph
// requests the gateways made per event (through counting proxies in front of every subgraph).
// Usage: node -r @swc-node/register tools/bench/subscription-fanout/run.ts [--rate 50] [--duration 20]
import { createConnection } from 'mysql2/promise';
import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { authConfig, issueToken, type Principal } from '@polyplus/auth';
import { DEMO_ENGINEER, graphqlData, startStack, tokenFor } from '@polyplus/local-stack';
import { parseMysqlUrl } from '@polyplus/persistence';
import { SUBGRAPH_NAMES } from '@polyplus/subgraph-kit';
import { deleteRedisKeys, dropDatabasesWithPrefix, uniqueTestPrefix } from '@polyplus/testing';
import { startCountingGateways, type CountingGateways } from './counting-gateways';

const CUSTOMERS = 20;
const USERS_PER_CUSTOMER = 5; // 20 × 5 = 100 principals
const CASES_PER_CUSTOMER = 3;
/** The five selections every principal subscribes: one subgraph, and across subgraphs. */
const SELECTIONS = [
  'subscription { incidentUpdated { topic incident { id status } } }',
  'subscription { incidentUpdated { topic incident { id severity summary } } }',
  'subscription { incidentUpdated { topic incident { id device { serialNumber productModel } } } }',
  'subscription { incidentUpdated { topic incident { id customer { name } } } }',
  'subscription { incidentUpdated(filter: { severity: 3 }) { topic incident { id status responseDueAt } } }',
];
const TOPIC = 'incident.comment-added';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

type Delivery = { incidentId: string; at: number };

async function main(): Promise<void> {
  const rate = arg('rate', 50);
  const duration = arg('duration', 20);
  const prefix = uniqueTestPrefix('bench_fanout');
  const queuePrefix = prefix.replace(/_$/, '');
  const env: NodeJS.ProcessEnv = {
    MYSQL_DATABASE_PREFIX: prefix,
    QUEUE_PREFIX: queuePrefix,
    NODE_ENV: 'test',
    // Measure fan-out, not the limiter: high enough never to refuse.
    RATE_LIMIT_PER_MINUTE: '100000000',
    RATE_LIMIT_BURST: '1000000',
    RATE_LIMIT_STAFF_PER_MINUTE: '100000000',
    RATE_LIMIT_STAFF_BURST: '1000000',
  };
  // Interrupted: stop what was started and remove the run's databases and keys before leaving.
  let cleanUp: () => Promise<void> = async () => {
    await dropDatabasesWithPrefix(prefix);
    await deleteRedisKeys(queuePrefix);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  const stack = await startStack({ freePorts: true, env, log: () => undefined }).catch(async (error: unknown) => {
    await dropDatabasesWithPrefix(prefix);
    throw error;
  });
  let subscriptionGateways: CountingGateways | undefined;
  const clients: Client[] = [];
  let cleaned = false;
  cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await Promise.all(clients.map((client) => Promise.resolve(client.dispose()).catch(() => undefined)));
    await subscriptionGateways?.close();
    await stack.stop();
    await dropDatabasesWithPrefix(prefix);
    await deleteRedisKeys(queuePrefix);
  };
  try {
    const { proxies, urls: gatewayUrls } = await startCountingGateways(stack.env, 2, (parts) => (subscriptionGateways = parts));

    const staff = { url: stack.gatewayUrl, token: await tokenFor(DEMO_ENGINEER, stack.env) };
    const customers: { id: string; incidents: string[] }[] = [];
    for (let c = 0; c < CUSTOMERS; c++) {
      const { createCustomer } = await graphqlData<{ createCustomer: { id: string } }>(
        staff,
        'mutation ($name: String!) { createCustomer(input: { name: $name }) { id } }',
        { name: `Fan-out ${c}` },
      );
      const input = (value: Record<string, unknown>) => ({ input: { customerId: createCustomer.id, ...value } });
      const { createSite } = await graphqlData<{ createSite: { id: string } }>(
        staff,
        'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
        input({ name: 'HQ', countryCode: 'GB', timeZone: 'Europe/London' }),
      );
      const { addContact } = await graphqlData<{ addContact: { id: string } }>(
        staff,
        'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }',
        input({ email: `tech${c}@fanout.example`, name: 'Tech', role: 'TECHNICIAN', designated: true }),
      );
      const { registerDevice } = await graphqlData<{ registerDevice: { id: string } }>(
        staff,
        'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
        input({ siteId: createSite.id, serialNumber: `FANOUT-${c}`, productModel: 'Studio X50' }),
      );
      await graphqlData(
        staff,
        'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }',
        input({ reference: `PP-FAN-${c}`, startsOn: '2025-01-01', endsOn: '2099-12-31', deviceIds: [registerDevice.id] }),
      );
      const incidents: string[] = [];
      for (let k = 0; k < CASES_PER_CUSTOMER; k++) {
        const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(
          staff,
          'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
          {
            input: {
              contactId: addContact.id,
              deviceId: registerDevice.id,
              severity: 3,
              channel: 'PHONE',
              summary: `Fan-out case ${c}-${k}`,
            },
          },
        );
        incidents.push(openIncident.id);
      }
      customers.push({ id: createCustomer.id, incidents });
    }

    // 100 principals (five users of each customer), each with the five selections on one gateway.
    const deliveries: Delivery[][] = [];
    const expectedPerIncident = new Map<string, number>();
    for (const [c, customer] of customers.entries()) {
      for (let u = 0; u < USERS_PER_CUSTOMER; u++) {
        const principal: Principal = { subject: `fanout-${c}-${u}`, role: 'CUSTOMER_ADMIN', customerIds: [customer.id] };
        const url = gatewayUrls[(c * USERS_PER_CUSTOMER + u) % 2];
        const token = await issueToken(principal, authConfig(stack.env));
        // One socket per principal, opened one after another: a burst of handshakes on a loaded
        // machine would outlast the server's connection_init wait.
        let connected: () => void = () => undefined;
        const open = new Promise<void>((resolve) => (connected = resolve));
        const client = createClient({
          url: url.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${token}` },
          lazy: false,
          retryAttempts: 5,
          onNonLazyError: () => undefined,
          on: { connected: () => connected() },
        });
        clients.push(client);
        await open;
        for (const query of SELECTIONS) {
          const received: Delivery[] = [];
          deliveries.push(received);
          client.subscribe(
            { query },
            {
              next: (result) => {
                const update = (result.data as { incidentUpdated?: { topic: string; incident: { id: string } } } | undefined)
                  ?.incidentUpdated;
                if (update?.topic === TOPIC) received.push({ incidentId: update.incident.id, at: Date.now() });
              },
              error: (error) => console.error(`subscription error: ${(error as { reason?: string }).reason ?? JSON.stringify(error)}`),
              complete: () => undefined,
            },
          );
        }
      }
      for (const incidentId of customer.incidents) expectedPerIncident.set(incidentId, USERS_PER_CUSTOMER * SELECTIONS.length);
    }
    // Live once a first comment per customer reached all of its 25 subscriptions.
    const comment = (incidentId: string, body: string) =>
      graphqlData(staff, 'mutation ($input: AddIncidentCommentInput!) { addIncidentComment(input: $input) { id } }', {
        input: { incidentId, body },
      });
    for (const customer of customers) await comment(customer.incidents[0], 'warm-up');
    for (let i = 0; i < 600 && deliveries.some((received) => received.length === 0); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    if (deliveries.some((received) => received.length === 0)) throw new Error('not every subscription received the warm-up event');
    for (const received of deliveries) received.length = 0;
    const measureFrom = new Date();
    for (const proxy of Object.values(proxies)) proxy.reset();

    // Every case commits a comment in turn, one after the other per case (so per case the stream
    // order is the commit order), together `rate` events per second.
    const incidents = customers.flatMap((customer) => customer.incidents);
    const perCaseEveryMs = (incidents.length / rate) * 1000;
    const started = Date.now();
    let sent = 0;
    await Promise.all(
      incidents.map(async (incidentId, index) => {
        let next = started + (index / incidents.length) * perCaseEveryMs;
        while (next < started + duration * 1000) {
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
          await comment(incidentId, `event ${sent++}`);
          next += perCaseEveryMs;
        }
      }),
    );
    const sendSeconds = (Date.now() - started) / 1000;

    // Commit instants from the outbox, in order per case.
    const server = parseMysqlUrl();
    const connection = await createConnection({
      host: server.host,
      port: server.port,
      user: server.username,
      password: server.password,
      database: `${prefix}incidents`,
    });
    const [rows] = await connection.query(
      'SELECT `aggregateKey`, `occurredAt` FROM `outbox_event` WHERE `topic` = ? AND `occurredAt` >= ? ORDER BY `sequence`',
      [TOPIC, measureFrom],
    );
    await connection.end();
    const committed = new Map<string, number[]>();
    for (const row of rows as { aggregateKey: string; occurredAt: Date }[])
      committed.set(row.aggregateKey, [...(committed.get(row.aggregateKey) ?? []), row.occurredAt.getTime()]);
    const events = (rows as unknown[]).length;
    const expected = [...committed.entries()].reduce(
      (sum, [incidentId, times]) => sum + times.length * (expectedPerIncident.get(incidentId) ?? 0),
      0,
    );
    // Let the fan-out drain: wait until every expected delivery arrived or nothing moves for 15 s.
    let last = -1;
    let stillSince = Date.now();
    for (;;) {
      const now = deliveries.reduce((sum, received) => sum + received.length, 0);
      if (now >= expected) break;
      if (now !== last) [last, stillSince] = [now, Date.now()];
      if (Date.now() - stillSince > 15_000) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const requests = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, proxies[name].count()]));
    const totalRequests = Object.values(requests).reduce((sum, n) => sum + n, 0);

    // The k-th delivery of a case to a subscription is the k-th commit on that case.
    const latencies: number[] = [];
    for (const received of deliveries) {
      const seen = new Map<string, number>();
      for (const delivery of received) {
        const k = seen.get(delivery.incidentId) ?? 0;
        seen.set(delivery.incidentId, k + 1);
        const at = committed.get(delivery.incidentId)?.[k];
        if (at !== undefined) latencies.push(delivery.at - at);
      }
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `${deliveries.length} subscriptions (${CUSTOMERS * USERS_PER_CUSTOMER} principals × ${SELECTIONS.length} selections) on 2 gateways; ${CUSTOMERS * CASES_PER_CUSTOMER} cases`,
    );
    console.log(
      `events: ${events} committed in ${sendSeconds.toFixed(1)} s (${(events / sendSeconds).toFixed(1)}/s, target ${rate}/s); each concerns one customer: ${USERS_PER_CUSTOMER * SELECTIONS.length} subscriptions entitled`,
    );
    console.log(
      `deliveries: ${latencies.length} of ${expected} expected (${((100 * latencies.length) / Math.max(expected, 1)).toFixed(1)} %)`,
    );
    console.log(
      `committed → delivered: p50 ${percentile(latencies, 50)} ms, p90 ${percentile(latencies, 90)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies[latencies.length - 1]} ms`,
    );
    console.log(
      `subgraph requests by the two gateways: ${totalRequests} = ${(totalRequests / Math.max(events, 1)).toFixed(1)} per event (${Object.entries(
        requests,
      )
        .filter(([, n]) => n > 0)
        .map(([name, n]) => `${name} ${(n / Math.max(events, 1)).toFixed(1)}`)
        .join(', ')})`,
    );
    console.log(
      `lower bound with one read per (principal, selection): ${USERS_PER_CUSTOMER * SELECTIONS.length} reads per event; with one read per (customer scope, selection): ${SELECTIONS.length}`,
    );
  } finally {
    await cleanUp();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
