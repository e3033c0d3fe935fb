import { authConfig, issueToken } from '@polyplus/auth';
import { deleteRedisKeys, uniqueTestPrefix } from '@polyplus/testing';
import { startGateway, type RunningGateway } from '../gateway';
import { productionEnv, unreachableSubgraphs } from '../testing/gateway-test-env';

describe('queue dashboard in production', () => {
  const prefix = uniqueTestPrefix('queue_dashboard_production').replace(/_$/, '');
  const env = productionEnv({ QUEUE_PREFIX: prefix, ...unreachableSubgraphs() });
  let gateway: RunningGateway;
  let origin: string;

  beforeAll(async () => {
    gateway = await startGateway({ port: 0, env });
    origin = new URL(gateway.url).origin;
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    await deleteRedisKeys(prefix);
  }, 60_000);

  it('has no one-click sign-in: ?as=engineer only shows the page where a real token is pasted', async () => {
    const response = await fetch(`${origin}/queues/sign-in?as=engineer`, { redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    const page = await response.text();
    expect(page).toContain('<textarea id="token" name="token"');
    expect(page).not.toContain('?as=');
  });

  it('signs a real token in with a Secure cookie', async () => {
    const token = await issueToken({ subject: 'jane', role: 'SUPPORT_ENGINEER', customerIds: [] }, authConfig(env));
    const response = await fetch(`${origin}/queues/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
  });

  it('refuses a development token (signed with the development keys)', async () => {
    const development = await issueToken({ subject: 'demo-engineer', role: 'SUPPORT_ENGINEER', customerIds: [] }, authConfig({}));
    const response = await fetch(`${origin}/queues/api/queues`, { headers: { authorization: `Bearer ${development}` } });
    expect(response.status).toBe(401);
  });
});
