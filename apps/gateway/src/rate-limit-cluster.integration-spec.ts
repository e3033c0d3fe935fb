import { randomUUID } from 'node:crypto';
import type { RunningServer } from '@polyplus/subgraph-kit';
import { startPrivateRedisCluster, type PrivateRedisCluster } from '@polyplus/testing';
import { startGateway } from './gateway';
import { askCustomers } from './testing/gateway-test-env';

// The rate limiter's checks on a 3-master Redis Cluster of the test's own: the GCRA script touches
// one key, under the hash-tagged prefix, so it runs on whichever master owns that slot.
describe('per-principal rate limiting on a Redis Cluster', () => {
  const unreachable = 'http://127.0.0.1:9/graphql';
  let cluster: PrivateRedisCluster;
  let env: NodeJS.ProcessEnv;
  let gateways: RunningServer[] = [];

  beforeAll(async () => {
    cluster = await startPrivateRedisCluster(3);
    env = {
      ...process.env,
      REDIS_CLUSTER_NODES: cluster.nodesEnv,
      QUEUE_PREFIX: `{test-rate-${randomUUID()}}`,
      RATE_LIMIT_PER_MINUTE: '1',
      RATE_LIMIT_BURST: '3',
      CUSTOMERS_URL: unreachable,
      DEVICES_URL: unreachable,
      INCIDENTS_URL: unreachable,
      LOGISTICS_URL: unreachable,
      DISPATCH_URL: unreachable,
    };
    gateways = [await startGateway({ port: 0, env }), await startGateway({ port: 0, env })];
  }, 180_000);

  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await cluster?.dispose();
  }, 60_000);

  const ask = (gateway: RunningServer, subject: string) =>
    askCustomers(gateway.url, { subject, role: 'CUSTOMER_ADMIN', customerIds: ['c1'] }, env);

  it('a principal past its burst gets 429 RATE_LIMITED with Retry-After, another principal is unaffected, and both gateways share the budget', async () => {
    const [a, b] = gateways;
    // Clients alternate between the two gateways: one budget in the cluster.
    const first = [await ask(a, 'admin-1'), await ask(b, 'admin-1'), await ask(a, 'admin-1')];
    expect(first.map((answer) => answer.status)).not.toContain(429);
    const fourth = await ask(b, 'admin-1');
    expect(fourth).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(fourth.retryAfter)).toBeGreaterThanOrEqual(1);
    // Every other principal has a budget of its own.
    for (let i = 2; i < 8; i++) expect((await ask(i % 2 ? a : b, `admin-${i}`)).status).not.toBe(429);
  });
});
