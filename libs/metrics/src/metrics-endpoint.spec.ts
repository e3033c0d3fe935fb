import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsEndpoint, type MetricsEndpointOptions } from './metrics-endpoint';

describe('who may read /metrics', () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

  async function serve(options: MetricsEndpointOptions): Promise<string> {
    const endpoint = metricsEndpoint(options);
    const server = createServer((request, response) => {
      if (!endpoint(request, response)) response.writeHead(418).end();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('an internal service answers anyone who reaches it, in production too', async () => {
    const base = await serve({ exposure: 'internal', env: { NODE_ENV: 'production' } });
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('a service facing the internet answers outside production, and in production only with METRICS_TOKEN', async () => {
    expect((await fetch(`${await serve({ exposure: 'internet', env: {} })}/metrics`)).status).toBe(200);
    expect((await fetch(`${await serve({ exposure: 'internet', env: { NODE_ENV: 'production' } })}/metrics`)).status).toBe(404);
    const guarded = await serve({ exposure: 'internet', env: { NODE_ENV: 'production', METRICS_TOKEN: 'scrape-me' } });
    expect((await fetch(`${guarded}/metrics`)).status).toBe(401);
    expect((await fetch(`${guarded}/metrics`, { headers: { authorization: 'Bearer scrape-mE' } })).status).toBe(401);
    expect((await fetch(`${guarded}/metrics`, { headers: { authorization: 'Bearer scrape-me' } })).status).toBe(200);
  });

  it('reads only, and leaves every other path to the server', async () => {
    const base = await serve({});
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${base}/metrics`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${base}/metricsx`)).status).toBe(418);
  });
});
