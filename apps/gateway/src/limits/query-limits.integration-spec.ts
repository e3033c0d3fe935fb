import { startGateway } from '../gateway';
import type { RunningServer } from '@polyplus/subgraph-kit';

type Answer = { status: number; body: { errors?: { message: string; extensions?: Record<string, unknown> }[] } };

describe('gateway query limits', () => {
  let gateway: RunningServer;
  // No subgraph listens on these ports: a refused query must never need one.
  const env = { ...process.env, CUSTOMERS_URL: 'http://127.0.0.1:9/graphql', DEVICES_URL: 'http://127.0.0.1:9/graphql', INCIDENTS_URL: 'http://127.0.0.1:9/graphql', LOGISTICS_URL: 'http://127.0.0.1:9/graphql', DISPATCH_URL: 'http://127.0.0.1:9/graphql' };

  beforeAll(async () => {
    gateway = await startGateway({ port: 0, env });
  });
  afterAll(() => gateway.stop());

  async function post(body: unknown): Promise<Answer> {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

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

  it('an ordinary query passes the limits (and then finds its subgraph unreachable)', async () => {
    const answer = await post({ query: '{ customers { id name sites { id } } }' });
    expect(answer.body.errors?.[0].extensions?.code).not.toBe('QUERY_TOO_COMPLEX');
  });
});
