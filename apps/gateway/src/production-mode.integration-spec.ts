import { authConfig, issueToken } from '@polyplus/auth';
import type { RunningServer } from '@polyplus/subgraph-kit';
import { startGateway } from './gateway';
import { productionEnv } from './testing/gateway-test-env';

describe('gateway in production mode', () => {
  let gateway: RunningServer;
  let token: string;
  const env = productionEnv();

  beforeAll(async () => {
    gateway = await startGateway({ port: 0, env });
    token = await issueToken({ subject: 'e1', role: 'SUPPORT_ENGINEER', customerIds: [] }, authConfig(env));
  }, 180_000);
  afterAll(() => gateway.stop(), 60_000);

  const post = async (query: string) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
  };

  it('refuses introspection', async () => {
    const answer = await post('{ __schema { types { name } } }');
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/introspection is not allowed/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(answer).not.toHaveProperty('data.__schema');
  });

  it('names no field suggestions and no stack trace in errors', async () => {
    const answer = await post('{ customerz { id } }');
    expect(answer.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(answer)).not.toMatch(/stacktrace|at \w+ \(/);
  });
});
