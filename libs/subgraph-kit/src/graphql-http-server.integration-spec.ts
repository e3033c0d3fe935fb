import { buildSchema } from 'graphql';
import { startGraphQLHttpServer, type RunningServer } from './graphql-http-server';
import { formatError } from './format-error';

describe('GraphQL HTTP server', () => {
  let server: RunningServer;
  let healthy = true;

  beforeAll(async () => {
    server = await startGraphQLHttpServer({
      name: 'probe',
      apollo: {
        schema: buildSchema('type Query { hello: String }'),
        rootValue: { hello: 'world' },
        formatError: (f, e) => formatError(f, e, () => undefined),
      },
      context: async () => ({}),
      health: async () => ({ mysql: healthy ? 'up' : 'down' }),
    });
  }, 180_000);
  afterAll(() => server.stop(), 60_000);

  const post = (body: string) => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers a query', async () => {
    const response = await post(JSON.stringify({ query: '{ hello }' }));
    expect(await response.json()).toEqual({ data: { hello: 'world' } });
  });

  it('refuses a request body over 1 MB with 413 before parsing it', async () => {
    const response = await post(JSON.stringify({ query: `{ hello } # ${'x'.repeat(1_100_000)}` }));
    expect(response.status).toBe(413);
  });

  it('answers 400 BAD_REQUEST to a body that is not JSON', async () => {
    const response = await post('{not json');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('reports health 503 while a dependency is down', async () => {
    const healthUrl = server.url.replace('/graphql', '/health');
    expect((await fetch(healthUrl)).status).toBe(200);
    healthy = false;
    const response = await fetch(healthUrl);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'down', checks: { mysql: 'down' } });
    healthy = true;
  });
});
