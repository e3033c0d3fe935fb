import { authConfig, issueToken } from '@polyplus/auth';
import type { RunningServer } from '@polyplus/subgraph-kit';
import { startGateway } from './gateway';

type Answer = { status: number; body: { errors?: { message: string; extensions?: Record<string, unknown> }[] } };

describe('gateway authentication and query limits', () => {
  let gateway: RunningServer;
  let token: string;
  // No subgraph listens on these ports: a refused query must never need one.
  const env = {
    ...process.env,
    CUSTOMERS_URL: 'http://127.0.0.1:9/graphql',
    DEVICES_URL: 'http://127.0.0.1:9/graphql',
    INCIDENTS_URL: 'http://127.0.0.1:9/graphql',
    LOGISTICS_URL: 'http://127.0.0.1:9/graphql',
    DISPATCH_URL: 'http://127.0.0.1:9/graphql',
  };

  beforeAll(async () => {
    gateway = await startGateway({ port: 0, env });
    token = await issueToken({ subject: 'e1', role: 'SUPPORT_ENGINEER', customerIds: [] }, authConfig(env));
  }, 180_000);
  afterAll(() => gateway.stop(), 60_000);

  async function post(body: unknown, authorization = `Bearer ${token}`): Promise<Answer> {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  it('stays ready while subgraphs are unreachable (the others can still answer), and shows each one down on /health', async () => {
    const response = await fetch(gateway.url.replace(/\/graphql$/, '/health'));
    const health = (await response.json()) as { status: string; subgraphs: Record<string, string> };
    expect(response.status).toBe(200);
    expect(health.status).toBe('up');
    expect(health.subgraphs).toMatchObject({ customers: 'down', devices: 'down', incidents: 'down', logistics: 'down', dispatch: 'down' });
  });

  it('a depth-20 query is refused before any resolver runs', async () => {
    const nested = Array.from({ length: 10 }, () => 'device { incidents {').join(' ');
    const query = `{ incident(id: "x") { ${nested} id ${'} }'.repeat(10)} } }`;
    const answer = await post({ query });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' });
  });

  it('a query with 500 aliases is refused', async () => {
    const query = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: customers { id }`).join(' ')} }`;
    const answer = await post({ query });
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
  });

  it('a batched array of operations is refused', async () => {
    const answer = await post([{ query: '{ customers { id } }' }, { query: '{ customers { id } }' }]);
    expect(answer.status).toBe(400);
  });

  it('a 1 MB document is refused before it is parsed', async () => {
    const answer = await post({ query: `{ customers { id } } # ${'x'.repeat(1_000_000)}` });
    expect(answer.status).toBe(413);
  });

  it('a cross-site simple request (text/plain POST, GET without a preflight header) is refused as CSRF', async () => {
    const plain = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ customers { id } }' }),
    });
    expect(plain.status).toBe(400);
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ customers { id } }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(get.status).toBe(400);
    expect(await get.text()).toContain('CSRF');
  });

  it('an Authorization header without a valid bearer token (empty, another scheme) is refused with UNAUTHENTICATED, never taken as anonymous', async () => {
    for (const authorization of ['', 'Basic dXNlcjpwYXNz', 'Bearer ']) {
      const answer = await post({ query: '{ customers { id } }' }, authorization);
      expect({ authorization, status: answer.status, code: answer.body.errors?.[0].extensions?.code }).toEqual({
        authorization,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('an expired token and a wrongly signed token are refused', async () => {
    const config = authConfig(env);
    const expired = await issueToken({ subject: 'e1', role: 'SUPPORT_ENGINEER', customerIds: [] }, config, '-5m');
    const forged = await issueToken(
      { subject: 'e1', role: 'SUPPORT_ENGINEER', customerIds: [] },
      { ...config, jwtKeys: { [config.currentKeyId]: 'not-the-gateway-key-but-32-characters-long' } },
    );
    for (const bad of [expired, forged]) {
      const answer = await post({ query: '{ customers { id } }' }, `Bearer ${bad}`);
      expect({ status: answer.status, code: answer.body.errors?.[0].extensions?.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('an ordinary query passes the limits, and an unreachable subgraph is reported as SERVICE_UNAVAILABLE without its address', async () => {
    const answer = await post({ query: '{ customers { id name sites { id } } }' });
    expect(answer.body.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(answer.body)).not.toContain('127.0.0.1');
  });
});
