import { buildSchema } from 'graphql';
import { authConfig, signPrincipal, type Principal } from '@polyplus/auth';
import { OutboxEvent, appendProbeEvent } from '@polyplus/events';
import { metricValue } from '@polyplus/metrics';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { startSubgraph, type SubgraphDefinition } from './run-subgraph';
import type { RunningServer } from './graphql-http-server';

const ENGINEER: Principal = { subject: 'tsr.metrics', role: 'SUPPORT_ENGINEER', customerIds: [] };

// A subgraph served as every subgraph is (startSubgraph), with an outbox in its database: its
// /metrics through the real HTTP server.
describe('a subgraph’s /metrics', () => {
  const definition: SubgraphDefinition = {
    name: 'probe',
    database: { entities: [OutboxEvent], migrations: [] },
    build: async () => ({
      schema: buildSchema('type Query { hello: String, broken: String }'),
      sdl: '',
      accessPolicies: new Map(),
    }),
  };
  let db: TestDatabase;
  let server: RunningServer;
  const METRICS_TOKEN = 'a-scraper-token-for-the-probe';
  let guarded: RunningServer;

  beforeAll(async () => {
    db = await createTestDatabase('subgraph_metrics', definition.database);
    await db.dataSource.synchronize();
    server = await startSubgraph(definition, { dataSource: db.dataSource, port: 0 });
    process.env.METRICS_TOKEN = METRICS_TOKEN;
    try {
      guarded = await startSubgraph(definition, { dataSource: db.dataSource, port: 0 });
    } finally {
      delete process.env.METRICS_TOKEN;
    }
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await guarded?.stop();
    await db?.drop();
  }, 60_000);

  const post = (body: Record<string, unknown>, signed = true) =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signed ? signPrincipal(ENGINEER, authConfig().principalSecrets[0]) : {}) },
      body: JSON.stringify(body),
    }).then((response) => response.text());
  const scrape = async () => {
    const response = await fetch(server.url.replace(/\/graphql$/, '/metrics'));
    expect(response.status).toBe(200);
    return response.text();
  };

  it('counts GraphQL requests by operation (the gateway’s fetch names folded into the client’s) and outcome, and times them', async () => {
    await post({ query: 'query Greeting__probe__0 { hello }', operationName: 'Greeting__probe__0' });
    await post({ query: 'query Greeting { hello }' });
    await post({ query: 'query Greeting { hello }' });
    const text = await scrape();
    expect(metricValue(text, 'polyplus_graphql_requests_total', { service: 'probe', operation: 'Greeting', outcome: 'success' })).toBe(3);
    expect(metricValue(text, 'polyplus_graphql_request_duration_seconds_count', { service: 'probe', operation: 'Greeting' })).toBe(3);
    expect(metricValue(text, 'polyplus_graphql_request_duration_seconds_bucket', { operation: 'Greeting', le: '+Inf' })).toBe(3);
  });

  it('counts errors by code, refusals before any operation ran included', async () => {
    await post({ query: '{ nonsense }' });
    await post({ query: '{ hello }' }, false);
    const text = await scrape();
    expect(metricValue(text, 'polyplus_graphql_errors_total', { service: 'probe', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(metricValue(text, 'polyplus_graphql_errors_total', { service: 'probe', code: 'UNAUTHENTICATED' })).toBe(1);
    expect(metricValue(text, 'polyplus_graphql_requests_total', { service: 'probe', operation: 'unresolved', outcome: 'error' })).toBe(2);
  });

  it('reads its database pool and its outbox when scraped', async () => {
    await db.dataSource.transaction((manager) => appendProbeEvent(manager, { topic: 'probe.happened', key: 'k', payload: {} }));
    const text = await scrape();
    expect(metricValue(text, 'polyplus_db_pool_connections', { database: db.database, state: 'max' })).toBe(5);
    expect(metricValue(text, 'polyplus_db_pool_connections', { database: db.database, state: 'in_use' })).toBe(0);
    expect(metricValue(text, 'polyplus_db_pool_connections', { database: db.database, state: 'idle' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, 'polyplus_db_pool_waiting_requests', { database: db.database })).toBe(0);
    // Both servers watch the same database here: one series, read twice.
    expect(metricValue(text, 'polyplus_outbox_backlog_events', { database: db.database })).toBe(1);
    expect(metricValue(text, 'process_resident_memory_bytes', { service: 'probe' })).toBeGreaterThan(0);
  });

  it('with METRICS_TOKEN set, answers only the scraper that sends it', async () => {
    const metricsUrl = guarded.url.replace(/\/graphql$/, '/metrics');
    expect((await fetch(metricsUrl)).status).toBe(401);
    expect((await fetch(metricsUrl, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const allowed = await fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('# TYPE polyplus_graphql_requests_total counter');
  });
});
