import { authConfig, issueToken, type Principal } from '@polyplus/auth';
import { createRedis } from '@polyplus/events';
import type { RunningServer } from '@polyplus/subgraph-kit';
import { deleteRedisKeys, uniqueTestPrefix } from '@polyplus/testing';
import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { startGateway } from './gateway';
import { redisRateLimiter } from './limits/rate-limiter';
import { askCustomers } from './testing/gateway-test-env';

describe('per-principal rate limiting backed by Redis', () => {
  const prefix = uniqueTestPrefix('rate');
  // No subgraph listens here: every admitted query fails with SERVICE_UNAVAILABLE, which is not a 429.
  const unreachable = 'http://127.0.0.1:9/graphql';
  const env = {
    ...process.env,
    QUEUE_PREFIX: prefix,
    RATE_LIMIT_PER_MINUTE: '1',
    RATE_LIMIT_BURST: '3',
    RATE_LIMIT_STAFF_PER_MINUTE: '1',
    RATE_LIMIT_STAFF_BURST: '5',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1',
    RATE_LIMIT_ANONYMOUS_BURST: '2',
    // The test stands in for a relay on this host: its X-Forwarded-For names the caller.
    GATEWAY_TRUSTED_PROXIES: '127.0.0.1,::1',
    CUSTOMERS_URL: unreachable,
    DEVICES_URL: unreachable,
    INCIDENTS_URL: unreachable,
    LOGISTICS_URL: unreachable,
    DISPATCH_URL: unreachable,
  };
  let gateway: RunningServer;

  beforeAll(async () => {
    gateway = await startGateway({ port: 0, env });
  }, 180_000);
  afterAll(async () => {
    await gateway.stop();
    await deleteRedisKeys(prefix);
  }, 60_000);

  const ask = (subject: string, role: 'CUSTOMER_ADMIN' | 'SUPPORT_ENGINEER' = 'CUSTOMER_ADMIN') =>
    askCustomers(gateway.url, { subject, role, customerIds: role === 'CUSTOMER_ADMIN' ? ['c1'] : [] }, env);

  it('a principal past its burst gets 429 RATE_LIMITED with Retry-After, and another principal is unaffected', async () => {
    const first = [await ask('admin-1'), await ask('admin-1'), await ask('admin-1')];
    expect(first.map((answer) => answer.status)).not.toContain(429);
    const fourth = await ask('admin-1');
    expect(fourth).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(fourth.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await ask('admin-2')).status).not.toBe(429);
  });

  async function askAnonymously(forwardedFor: string) {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ query: '{ supportDirectory { id } }' }),
    });
    return response.status;
  }

  it('callers without a token are limited per client address: past the burst 429, another address unaffected', async () => {
    expect([await askAnonymously('203.0.113.7'), await askAnonymously('203.0.113.7')]).not.toContain(429);
    expect(await askAnonymously('203.0.113.7')).toBe(429);
    // A client cannot escape by writing its own X-Forwarded-For: the relay's last entry is what counts.
    expect(await askAnonymously('198.51.100.1, 203.0.113.7')).toBe(429);
    expect(await askAnonymously('203.0.113.8')).not.toBe(429);
  });

  it('addresses of one IPv6 /64 share a budget', async () => {
    expect(await askAnonymously('2001:db8:1:2::1')).not.toBe(429);
    expect(await askAnonymously('2001:db8:1:2:aaaa::9')).not.toBe(429);
    expect(await askAnonymously('2001:0db8:0001:0002:ffff::1')).toBe(429);
    expect(await askAnonymously('2001:db8:1:3::1')).not.toBe(429);
  });

  it('vendor staff have their own, larger budget', async () => {
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push((await ask('engineer-1', 'SUPPORT_ENGINEER')).status);
    expect(answers.slice(0, 5)).not.toContain(429);
    expect(answers[5]).toBe(429);
  });

  it('each subscribe over WebSocket is charged to the same budget', async () => {
    const token = await issueToken({ subject: 'ws-admin', role: 'CUSTOMER_ADMIN', customerIds: ['c1'] }, authConfig(env));
    const client = createClient({
      url: gateway.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    const refusals: (string | undefined)[][] = [[], [], [], []];
    const refused = (n: number) =>
      new Promise<void>((resolve) => {
        client.subscribe(
          { query: 'subscription { incidentUpdated { topic } }' },
          {
            next: () => undefined,
            complete: () => undefined,
            error: (error) => {
              refusals[n].push((error as { extensions?: { code?: string } }[])[0]?.extensions?.code);
              resolve();
            },
          },
        );
      });
    try {
      void refused(0);
      void refused(1);
      void refused(2);
      await refused(3);
      expect(refusals).toEqual([[], [], [], ['RATE_LIMITED']]);
    } finally {
      await client.dispose();
    }
  });

  it('the limit is kept in Redis, so every gateway instance shares it', async () => {
    const second = await startGateway({ port: 0, env });
    try {
      const token = await issueToken({ subject: 'admin-1', role: 'CUSTOMER_ADMIN', customerIds: ['c1'] }, authConfig(env));
      const response = await fetch(second.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ customers { id } }' }),
      });
      expect(response.status).toBe(429);
    } finally {
      await second.stop();
    }
  });

  it('when Redis cannot answer, requests pass and the failure is reported', async () => {
    const down = createRedis('producer', 'redis://127.0.0.1:1');
    down.on('error', () => undefined);
    const failures: unknown[] = [];
    const limiter = redisRateLimiter(down, prefix, { customer: { perMinute: 1, burst: 1 }, staff: null, anonymous: null }, (error) =>
      failures.push(error),
    );
    const anyone: Principal = { subject: 'anyone', role: 'CUSTOMER_ADMIN', customerIds: ['c1'] };
    try {
      expect(await limiter.take(anyone)).toEqual({ allowed: true });
      expect(await limiter.take(anyone)).toEqual({ allowed: true });
      expect(failures).toHaveLength(2);
    } finally {
      down.disconnect();
    }
  });
});
