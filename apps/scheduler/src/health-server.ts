import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsEndpoint } from '@polyplus/metrics';

export type HealthChecks = () => Promise<Record<string, 'up' | 'down'>>;

export type HealthServer = { port: number; close(): Promise<void> };

/**
 * `/health` for orchestrators (the scheduler serves no GraphQL): 200 when every check is up, 503
 * otherwise, with the checks and the pid, like the subgraphs' `/health`; and `/metrics` for
 * Prometheus, internal like the subgraphs'.
 */
export async function startHealthServer(port: number, checks: HealthChecks, host = '0.0.0.0'): Promise<HealthServer> {
  const metrics = metricsEndpoint();
  const server: Server = createServer((request, response) => {
    if (metrics(request, response)) return;
    if ((request.url ?? '/').split('?')[0] !== '/health') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    void checks().then(
      (results) => {
        const up = Object.values(results).every((state) => state === 'up');
        response.writeHead(up ? 200 : 503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ service: 'scheduler', status: up ? 'up' : 'down', checks: results, pid: process.pid }));
      },
      () => response.writeHead(503).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
