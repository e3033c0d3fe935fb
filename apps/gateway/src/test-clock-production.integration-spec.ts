import { authConfig, issueToken } from '@polyplus/auth';
import type { RunningServer } from '@polyplus/subgraph-kit';
import { startGateway } from './gateway';
import { productionEnv } from './testing/gateway-test-env';

type Answer = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

async function post(gateway: RunningServer, token: string, query: string): Promise<Answer> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Answer;
}

describe('the test clock at the gateway', () => {
  const production = productionEnv();
  let gateway: RunningServer;
  let token: string;

  beforeAll(async () => {
    gateway = await startGateway({ port: 0, env: production });
    token = await issueToken({ subject: 'e1', role: 'SUPPORT_ENGINEER', customerIds: [] }, authConfig(production));
  }, 180_000);
  afterAll(() => gateway?.stop(), 60_000);

  it('in production setTestClock, resetTestClock and testClock are absent from the schema: refused before any subgraph is called', async () => {
    for (const operation of [
      'mutation { setTestClock(input: { offsetMinutes: 60 }) { mode } }',
      'mutation { resetTestClock { mode } }',
      '{ testClock { mode } }',
    ]) {
      const answer = await post(gateway, token, operation);
      expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(answer.data).toBeUndefined();
    }
  });

  it('in production the rest of the schema is served as composed', async () => {
    const answer = await post(gateway, token, '{ supportQueue(limit: 1) { id } }');
    // The incidents subgraph is not running here: the operation validates and is planned, then fails to reach it.
    expect(answer.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });
});
