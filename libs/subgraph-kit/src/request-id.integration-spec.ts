import { buildSchema } from 'graphql';
import { serviceLogger, startServiceLogger } from '@polyplus/logger';
import { startGraphQLHttpServer, type RunningServer } from './graphql-http-server';
import { formatError } from './format-error';
import { createSubgraphClient } from './subgraph-client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids through the GraphQL HTTP server', () => {
  const lines: Record<string, unknown>[] = [];
  let front: RunningServer;
  let back: RunningServer;

  beforeAll(async () => {
    startServiceLogger('probe', { env: {}, destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
    // The callee answers with the request id its caller sent on.
    back = await startGraphQLHttpServer({
      name: 'back',
      apollo: {
        schema: buildSchema('type Query { seen: String }'),
        rootValue: { seen: (_: unknown, context: { requestId?: string }) => context.requestId },
        formatError: (f, e) => formatError(f, e, () => undefined),
      },
      context: async (request) => ({ requestId: request.headers['x-request-id'] as string | undefined }),
    });
    const client = createSubgraphClient('back', back.url);
    front = await startGraphQLHttpServer({
      name: 'front',
      apollo: {
        schema: buildSchema('type Query { hello: String, relayed: String }'),
        rootValue: {
          hello: async () => {
            serviceLogger('resolver').info('resolving hello');
            await new Promise((resolve) => setTimeout(resolve, 5));
            serviceLogger('resolver').info('resolved hello');
            return 'world';
          },
          relayed: async () => (await client.request<{ seen: string | null }>('{ seen }')).seen,
        },
        formatError: (f, e) => formatError(f, e, () => undefined),
      },
      context: async () => ({}),
    });
  }, 180_000);
  afterAll(async () => {
    await front?.stop();
    await back?.stop();
  }, 60_000);

  const post = (query: string, headers: Record<string, string> = {}) =>
    fetch(front.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const linesOf = (requestId: string) => lines.filter((line) => line.requestId === requestId).map((line) => line.msg);

  it("keeps a caller's well-formed x-request-id, answers with it and puts it on every line logged for the request", async () => {
    const response = await post('{ hello }', { 'x-request-id': 'caller-req-1' });
    expect(await response.json()).toEqual({ data: { hello: 'world' } });
    expect(response.headers.get('x-request-id')).toBe('caller-req-1');
    expect(linesOf('caller-req-1')).toEqual(['resolving hello', 'resolved hello']);
  });

  it('replaces an ill-formed x-request-id with a new one, and makes one when there is none', async () => {
    const refused = await post('{ hello }', { 'x-request-id': `bad id ${'x'.repeat(200)}` });
    const made = await post('{ hello }');
    const ids = [refused.headers.get('x-request-id'), made.headers.get('x-request-id')];
    for (const id of ids) expect(id).toMatch(UUID);
    expect(ids[0]).not.toBe(ids[1]);
    expect(linesOf(ids[0] as string)).toEqual(['resolving hello', 'resolved hello']);
  });

  it("puts the trace id of the caller's traceparent on the request's lines", async () => {
    await post('{ hello }', { 'x-request-id': 'caller-req-2', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    const traced = lines.filter((line) => line.requestId === 'caller-req-2');
    expect(traced.length).toBe(2);
    // With tracing on, the server's own span (same trace) is the source; either way the trace is the caller's.
    for (const line of traced) expect(line.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('sends the request id on with a service-to-service call made while handling the request', async () => {
    const response = await post('{ relayed }', { 'x-request-id': 'caller-req-3' });
    expect(await response.json()).toEqual({ data: { relayed: 'caller-req-3' } });
  });
});
