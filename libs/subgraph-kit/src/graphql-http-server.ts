import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerOptions, type BaseContext } from '@apollo/server';
import { graphqlMetricsPlugin, metricsEndpoint, useMetricsService, type MetricsEndpointOptions } from '@polyplus/metrics';
import { serviceLogger, withRequestLogContext } from '@polyplus/logger';
import { apolloLogger } from './apollo-logger';
import { handleGraphQLRequest } from './http-graphql';
import { inGraphQLRequestSpan, operationSpanPlugins } from './tracing/graphql-request-span';
import type { ServerTls } from './tls/server-tls';

export type HealthCheck = () => Promise<Record<string, 'up' | 'down'>>;

/** Endpoints served beside `/graphql` (e.g. streamed file transfers): true when it took the request. */
export type HttpRoutes = (request: IncomingMessage, response: ServerResponse) => boolean;

export type GraphQLHttpServerOptions<TContext extends BaseContext> = {
  name: string;
  apollo: ApolloServerOptions<TContext>;
  context: (request: IncomingMessage) => Promise<TContext>;
  health?: HealthCheck;
  /** What `/health` also shows without deciding readiness (e.g. the gateway's view of each subgraph). */
  healthReport?: () => Promise<Record<string, unknown>>;
  routes?: HttpRoutes;
  port?: number;
  host?: string;
  /** Serve HTTPS (and with a client CA, demand client certificates); see `serverTlsFromEnv`. */
  tls?: ServerTls;
  /** Who may read `/metrics` (default: an internal service, configured from `process.env`). */
  metrics?: MetricsEndpointOptions;
};

export type RunningServer = { name: string; url: string; port: number; httpServer: Server; stop(): Promise<void> };

/**
 * Apollo Server on a plain Node HTTP server: POST/GET `/graphql`, `/health` that reports each
 * dependency and answers 503 when one is down (so orchestrators stop routing to it), and `/metrics`
 * for Prometheus (`@polyplus/metrics`).
 */
export async function startGraphQLHttpServer<TContext extends BaseContext>(
  options: GraphQLHttpServerOptions<TContext>,
): Promise<RunningServer> {
  useMetricsService(options.name);
  const metrics = metricsEndpoint(options.metrics);
  const apollo = new ApolloServer<TContext>({
    logger: apolloLogger(),
    // The service's own stopOnSignals drains and exits: Apollo's handler would stop this server and
    // re-raise the signal, killing the process (exit 143) before the rest of its shutdown ran.
    stopOnTerminationSignals: false,
    ...options.apollo,
    plugins: [...(options.apollo.plugins ?? []), graphqlMetricsPlugin<TContext>(options.name), ...operationSpanPlugins<TContext>()],
  } as ApolloServerOptions<TContext>);
  await apollo.start();
  const serve: RequestListener = (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/health') {
      void Promise.all([(options.health ?? (async () => ({})))(), options.healthReport?.() ?? {}])
        .then(([checks, report]) => {
          const up = Object.values(checks).every((state) => state === 'up');
          response.writeHead(up ? 200 : 503, { 'content-type': 'application/json' });
          // pid: a supervisor on a shared machine can tell its own process from whatever else holds the port.
          response.end(JSON.stringify({ service: options.name, status: up ? 'up' : 'down', checks, ...report, pid: process.pid }));
        })
        .catch(() => {
          response.writeHead(503).end();
        });
      return;
    }
    if (metrics(request, response)) return;
    if (options.routes?.(request, response)) return;
    if (path !== '/graphql') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    inGraphQLRequestSpan(request, response, () => handleGraphQLRequest(apollo, request, response, () => options.context(request))).catch(
      (error) => {
        serviceLogger('http').error({ err: error, server: options.name }, 'request failed');
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
      },
    );
  };
  // Every line logged while serving a request names it; the caller gets the id back.
  const handler = withRequestLogContext(serve);
  const httpServer: Server = options.tls ? createHttpsServer(options.tls, handler) : createServer(handler);
  httpServer.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    name: options.name,
    port,
    url: `${options.tls ? 'https' : 'http'}://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    httpServer,
    async stop() {
      // Stop accepting connections, let in-flight requests finish, then release Apollo.
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
