import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { metricsRegistry } from './registry';
import { collectScrapeTime } from './scrape-time';

/** `internal`: only peers reach the service (subgraphs, the scheduler); `internet`: anyone can (the gateway). */
export type MetricsExposure = 'internal' | 'internet';

export type MetricsEndpointOptions = { exposure?: MetricsExposure; env?: NodeJS.ProcessEnv };

/** Serves one request when it is for `/metrics`: true when it took it (the servers' `routes` shape). */
export type MetricsEndpoint = (request: IncomingMessage, response: ServerResponse) => boolean;

function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * `GET /metrics` in the Prometheus text format. Who may read it, decided once at start:
 * - `METRICS_TOKEN` set: every service asks for `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise);
 * - unset: internal services answer anyone who reaches them; a service facing the internet answers
 *   outside production only, and in production has no `/metrics` at all (404), so its metrics are
 *   never world-readable.
 */
export function metricsEndpoint(options: MetricsEndpointOptions = {}): MetricsEndpoint {
  const env = options.env ?? process.env;
  const token = env.METRICS_TOKEN ? env.METRICS_TOKEN : undefined;
  const hidden = token === undefined && options.exposure === 'internet' && env.NODE_ENV === 'production';
  return (request, response) => {
    if ((request.url ?? '/').split('?')[0] !== '/metrics') return false;
    if (hidden) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return true;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Method not allowed');
      return true;
    }
    if (token !== undefined && !bearerMatches(request.headers.authorization, token)) {
      response.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"', 'content-type': 'text/plain' }).end('Unauthorized');
      return true;
    }
    const registry = metricsRegistry();
    collectScrapeTime()
      .then(() => registry.metrics())
      .then(
        (text) => {
          response.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
          response.end(request.method === 'HEAD' ? undefined : text);
        },
        () => {
          if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
          response.end('Metrics unavailable');
        },
      );
    return true;
  };
}
