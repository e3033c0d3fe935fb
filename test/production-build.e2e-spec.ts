// The production build end to end: every app compiled to JavaScript by `nx build` (the e2e project's
// test target builds them first) and started with plain node, NODE_ENV=production and keys
// generated for this run — what the containers run. One cross-subgraph query, one subscription
// event, /health and /metrics on every service, and production's refusals.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { authConfig, issueToken, DEMO_ENGINEER, type Principal } from '@polyplus/auth';
import {
  compiledEntry,
  freePort,
  graphqlData,
  graphqlRequest,
  productionSecrets,
  startStack,
  tokenFor,
  type Stack,
} from '@polyplus/local-stack';
import { metricSamples } from '@polyplus/metrics';
import { SUBGRAPH_NAMES } from '@polyplus/subgraph-kit';
import { createCoveredCustomer, deleteRedisKeys, dropDatabasesWithPrefix, uniqueTestPrefix } from '@polyplus/testing';

const ROOT = join(__dirname, '..');
/** Every app of the repository: each must be built and started here. */
const APPS = readdirSync(join(ROOT, 'apps')).filter((name) => existsSync(join(ROOT, 'apps', name, 'project.json')));

/** What each service's /metrics must hold by the end of the run (samples, not just declarations). */
const SERIES: Record<string, string[]> = {
  gateway: [
    'polyplus_graphql_requests_total',
    'polyplus_graphql_request_duration_seconds_bucket',
    'polyplus_gateway_subgraph_request_duration_seconds_bucket',
  ],
  customers: ['polyplus_graphql_requests_total', 'polyplus_db_pool_connections'],
  devices: ['polyplus_graphql_requests_total', 'polyplus_db_pool_connections'],
  incidents: [
    'polyplus_graphql_requests_total',
    'polyplus_db_pool_connections',
    'polyplus_outbox_backlog_events',
    'polyplus_event_consumer_lag',
    'polyplus_queue_jobs',
  ],
  logistics: ['polyplus_db_pool_connections', 'polyplus_outbox_backlog_events', 'polyplus_queue_jobs'],
  dispatch: ['polyplus_db_pool_connections', 'polyplus_outbox_backlog_events', 'polyplus_event_consumer_lag'],
  notifications: ['polyplus_db_pool_connections', 'polyplus_event_consumer_lag', 'polyplus_queue_jobs'],
  scheduler: ['polyplus_db_pool_connections', 'polyplus_queue_jobs'],
};
const METRICS_TOKEN = 'production-smoke-metrics-token';

const prefix = uniqueTestPrefix('e2e_production');
const queuePrefix = prefix.replace(/_$/, '');
const storage = mkdtempSync(join(tmpdir(), 'polyplus-production-storage-'));
const logs: string[] = [];
const clients: Client[] = [];
let stack: Stack;
let staff: { url: string; token: string };
let tenant: { customerId: string; contactId: string; deviceId: string; admin: Principal };

async function createTenant(serial: string): Promise<typeof tenant> {
  const { customerId, contactId, deviceId } = await createCoveredCustomer(staff, {
    name: 'Production Smoke Ltd',
    serial,
    site: { subdivision: 'ENG', latitude: 51.5, longitude: -0.12 },
    technician: { email: 'tech@smoke.example' },
  });
  return { customerId, contactId, deviceId, admin: { subject: 'admin@smoke.example', role: 'CUSTOMER_ADMIN', customerIds: [customerId] } };
}

async function openCase(summary: string): Promise<string> {
  const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(
    staff,
    'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
    {
      input: { contactId: tenant.contactId, deviceId: tenant.deviceId, severity: 2, channel: 'WEB', summary },
    },
  );
  return openIncident.id;
}

/** Every HTTP service of the stack with its base URL. */
function httpServices(): { name: string; base: string }[] {
  const port = (variable: string) => `http://127.0.0.1:${stack.env[variable]}`;
  return [
    { name: 'gateway', base: port('GATEWAY_PORT') },
    ...SUBGRAPH_NAMES.map((name) => ({ name, base: port(`${name.toUpperCase()}_PORT`) })),
    { name: 'scheduler', base: port('SCHEDULER_HEALTH_PORT') },
    { name: 'dispatch-board', base: (stack.boardUrl as string).replace(/\/$/, '') },
    { name: 'support-center', base: (stack.portalUrl as string).replace(/\/$/, '') },
  ];
}

beforeAll(async () => {
  try {
    stack = await startStack({
      fromDist: true,
      freePorts: true,
      board: true,
      portal: true,
      env: {
        ...productionSecrets('smoke'),
        NODE_ENV: 'production',
        MYSQL_DATABASE_PREFIX: prefix,
        QUEUE_PREFIX: queuePrefix,
        OBJECT_STORAGE_DIR: storage,
        MAIL_PUBLIC_URL: 'https://support.polyplus.test',
        // The queue worker's /health, for orchestrators' probes, and its /metrics.
        SCHEDULER_HEALTH_PORT: String(await freePort()),
        // The gateway faces the internet: in production its /metrics is served only to this token's holder.
        METRICS_TOKEN,
      },
      log: (line) => logs.push(line),
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${logs.slice(-40).join('\n')}`);
  }
  staff = { url: stack.gatewayUrl, token: await tokenFor(DEMO_ENGINEER, stack.env) };
  tenant = await createTenant('SMOKE-PROD-01');
}, 300_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await stack?.stop();
  rmSync(storage, { recursive: true, force: true });
  await dropDatabasesWithPrefix(prefix);
  await deleteRedisKeys(queuePrefix);
}, 120_000);

describe('the production build', () => {
  it('runs every app compiled to JavaScript with plain node: no TypeScript, no runtime transpiler', () => {
    expect(stack.processes.map((process) => process.name).sort()).toEqual([...APPS].sort());
    for (const { name, pid } of stack.processes) {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(commandLine.slice(1)).toEqual([compiledEntry(name)]);
      expect(readFileSync(`/proc/${pid}/environ`, 'utf8')).not.toMatch(/NODE_OPTIONS=[^\0]*(swc|ts-node|tsx)/);
    }
  });

  it('answers /health on every service, each dependency up', async () => {
    for (const { name, base } of httpServices()) {
      const response = await fetch(`${base}/health`);
      const health = (await response.json()) as { status: string; pid: number };
      expect({ name, status: response.status, health: health.status }).toEqual({ name, status: 200, health: 'up' });
      expect(stack.processes.find((process) => process.name === name)?.pid).toBe(health.pid);
    }
  });

  it('answers a query across customers, devices and incidents with the run’s production keys', async () => {
    const id = await openCase('Camera module dead');
    const { incident } = await graphqlData<{
      incident: { id: string; status: string; device: { serialNumber: string }; customer: { name: string } };
    }>(staff, 'query ($id: ID!) { incident(id: $id) { id status device { serialNumber } customer { name } } }', { id });
    expect(incident).toEqual({ id, status: 'NEW', device: { serialNumber: 'SMOKE-PROD-01' }, customer: { name: 'Production Smoke Ltd' } });
  });

  it('delivers a subscription event to the case’s customer, resolved across subgraphs', async () => {
    const events: { topic: string; incident: { id: string; device: { serialNumber: string }; customer: { name: string } } }[] = [];
    const client = createClient({
      url: stack.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await tokenFor(tenant.admin, stack.env)}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    clients.push(client);
    const errors: unknown[] = [];
    client.subscribe<{ incidentUpdated: (typeof events)[number] }>(
      { query: 'subscription { incidentUpdated { topic incident { id device { serialNumber } customer { name } } } }' },
      {
        next: (result) => (result.data ? events.push(result.data.incidentUpdated) : errors.push(result.errors)),
        error: (error) => void errors.push(error),
        complete: () => undefined,
      },
    );
    // graphql-ws does not acknowledge a subscribe: open cases until one reaches the subscriber.
    let delivered: (typeof events)[number] | undefined;
    for (let attempt = 0; attempt < 5 && !delivered; attempt++) {
      const id = await openCase(`Subscription check ${attempt}`);
      for (let wait = 0; wait < 100 && !delivered; wait++) {
        delivered = events.find((event) => event.incident.id === id && event.topic === 'incident.opened');
        if (!delivered) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(errors).toEqual([]);
    expect(delivered).toMatchObject({
      topic: 'incident.opened',
      incident: { device: { serialNumber: 'SMOKE-PROD-01' }, customer: { name: 'Production Smoke Ltd' } },
    });
  }, 120_000);

  it('refuses development keys and development sign-ins, hides the schema, and serves no IDE', async () => {
    const developmentToken = await issueToken(DEMO_ENGINEER, authConfig({}));
    const refused = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${developmentToken}` },
      body: '{"query":"{ supportQueue(limit: 1) { id } }"}',
    });
    expect(refused.status).toBe(401);
    const introspection = await graphqlRequest(staff, '{ __schema { queryType { name } } }');
    expect(introspection.errors?.length).toBeGreaterThan(0);
    const page = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(await page.text()).not.toMatch(/graphiql|sandbox/i);
    expect((await fetch(new URL('/graphiql/graphiql.js', stack.gatewayUrl))).status).toBe(404);
    for (const webApp of [stack.boardUrl, stack.portalUrl] as string[]) {
      expect(await (await fetch(new URL('/auth/settings', webApp))).json()).toMatchObject({ demoSignIn: false });
      const demo = await fetch(new URL('/auth/demo', webApp), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"as":"planner"}',
      });
      expect(demo.status).toBe(404);
    }
  });

  // Last: by now every service has served, published, consumed or queued something.
  it('serves Prometheus text on /metrics on every API service and the scheduler, to the token’s holder only', async () => {
    const services = httpServices().filter(({ name }) => name in SERIES);
    expect(services.map(({ name }) => name).sort()).toEqual(Object.keys(SERIES).sort());
    for (const { name, base } of services) {
      expect({ name, status: (await fetch(`${base}/metrics`)).status }).toEqual({ name, status: 401 });
      const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = await response.text();
      expect({ name, process: metricSamples(text, 'process_resident_memory_bytes', { service: name }).length }).toEqual({
        name,
        process: 1,
      });
      const missing = SERIES[name].filter((series) => metricSamples(text, series, { service: name }).length === 0);
      expect({ name, missing }).toEqual({ name, missing: [] });
    }
  });

  // Last: it stops the stack. Each service drains and exits 0 on SIGTERM, not killed by its own signal.
  it('stops gracefully on SIGTERM: every service finishes its shutdown and exits 0', async () => {
    await stack.stop();
    const exits = await Promise.all(stack.processes.map(async (process) => ({ name: process.name, ...(await process.exited) })));
    expect(exits).toEqual(stack.processes.map((process) => ({ name: process.name, code: 0, signal: null })));
  });
});
