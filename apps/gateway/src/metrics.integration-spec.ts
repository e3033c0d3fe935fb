import { authConfig, issueToken } from '@polyplus/auth';
import type { RunningServer } from '@polyplus/subgraph-kit';
import { metricSamples, metricValue } from '@polyplus/metrics';
import { deleteRedisKeys, uniqueTestPrefix } from '@polyplus/testing';
import { startGateway } from './gateway';
import { productionEnv, unreachableSubgraphs } from './testing/gateway-test-env';

// The gateway faces the internet: in production its /metrics is for the holder of METRICS_TOKEN
// only, and without one configured it is not served at all.
describe('the gateway’s /metrics in production', () => {
  const prefix = uniqueTestPrefix('gateway_metrics');
  // No subgraph listens: every hop fails, and is measured as such.
  const env = productionEnv({ QUEUE_PREFIX: prefix, ...unreachableSubgraphs() });
  const METRICS_TOKEN = 'a-scraper-token-for-this-test-run';
  let open: RunningServer;
  let guarded: RunningServer;

  beforeAll(async () => {
    open = await startGateway({ port: 0, env: { ...env, METRICS_TOKEN: '' } });
    guarded = await startGateway({ port: 0, env: { ...env, METRICS_TOKEN } });
  }, 180_000);
  afterAll(async () => {
    await open?.stop();
    await guarded?.stop();
    await deleteRedisKeys(prefix);
  }, 60_000);

  const metricsOf = (server: RunningServer, headers: Record<string, string> = {}) => fetch(new URL('/metrics', server.url), { headers });
  const scrape = async () => {
    const response = await metricsOf(guarded, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  const query = async (body: Record<string, unknown>) => {
    const token = await issueToken({ subject: 'e1', role: 'SUPPORT_ENGINEER', customerIds: [] }, authConfig(env));
    const response = await fetch(guarded.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    await response.text();
  };

  it('is not served without METRICS_TOKEN, whatever the caller sends', async () => {
    for (const headers of [{}, { authorization: `Bearer ${METRICS_TOKEN}` }] as Record<string, string>[]) {
      const response = await metricsOf(open, headers);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('polyplus_');
    }
  });

  it('refuses a scraper without the token, or with another one', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-the-token' }, { authorization: METRICS_TOKEN }] as Record<string, string>[]) {
      const response = await metricsOf(guarded, headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.text()).not.toContain('polyplus_');
    }
  });

  it('counts requests by operation and outcome, errors by code, and times each subgraph hop', async () => {
    await query({ query: 'query SupportQueueProbe { supportQueue(limit: 1) { id } }' });
    await query({ query: '{ supportQueue(limit: 1) { id } }' });
    await query({ query: '{ supportQueue(limit: ' });
    const text = await scrape();
    expect(
      metricValue(text, 'polyplus_graphql_requests_total', { service: 'gateway', operation: 'SupportQueueProbe', outcome: 'error' }),
    ).toBe(1);
    expect(metricValue(text, 'polyplus_graphql_requests_total', { service: 'gateway', operation: 'anonymous', outcome: 'error' })).toBe(1);
    expect(metricValue(text, 'polyplus_graphql_requests_total', { service: 'gateway', operation: 'unresolved', outcome: 'error' })).toBe(1);
    expect(
      metricValue(text, 'polyplus_graphql_request_duration_seconds_count', { service: 'gateway', operation: 'SupportQueueProbe' }),
    ).toBe(1);
    expect(metricValue(text, 'polyplus_graphql_errors_total', { service: 'gateway', code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    // The unreachable incidents subgraph: each attempt a hop that got no GraphQL answer.
    const hops = metricSamples(text, 'polyplus_gateway_subgraph_request_duration_seconds_count', { subgraph: 'incidents' });
    expect(hops.map((hop) => hop.labels.outcome)).toEqual(['failure']);
    expect(hops[0].value).toBeGreaterThanOrEqual(2);
    // Process metrics, labelled with the service.
    expect(metricSamples(text, 'process_resident_memory_bytes', { service: 'gateway' })).toHaveLength(1);
  });
});
