import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authConfig, issueToken } from '@polyplus/auth';
import { startQueueDashboard, type QueueDashboard } from './queue-dashboard';

// Nothing listens on port 9: the dashboard's Redis is away for the whole suite.
describe('queue dashboard while Redis is down', () => {
  const env = { ...process.env, REDIS_URL: 'redis://127.0.0.1:9' };
  let dashboard: QueueDashboard;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    dashboard = startQueueDashboard({ env, auth: authConfig(env) });
    server = createServer((request, response) => {
      if (!dashboard.routes(request, response)) response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 30_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await dashboard?.close();
  }, 30_000);

  it('answers its API at once with 503 (BullMQ alone would wait for Redis), and still serves its page', async () => {
    const authorization = `Bearer ${await issueToken({ subject: 'jane', role: 'SUPPORT_ENGINEER', customerIds: [] }, authConfig(env))}`;
    const api = await fetch(`${origin}/queues/api/queues`, { headers: { authorization }, signal: AbortSignal.timeout(20_000) });
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('5');
    const page = await fetch(`${origin}/queues/`, { headers: { authorization, accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Poly+ queues</title>');
  });
});
