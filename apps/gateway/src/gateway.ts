import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { authConfig } from '@polyplus/auth';
import { startServiceLogger } from '@polyplus/logger';
import { apolloLogger } from '@polyplus/subgraph-kit';
import { testClockAllowed, withoutTestClock } from '@polyplus/clock';
import { gatewayContext, type GatewayContext } from './auth/gateway-context';
import { sharedReadsFromEnv } from './auth/shared-reads';
import { SignedDataSource } from './auth/signed-data-source';
import { inputValidationPlugin } from './input/input-validation.plugin';
import { queryLimitsPlugin } from './limits/query-limits.plugin';
import { startRateLimiter } from './limits/start-rate-limiter';
import { fileRelay } from './files/file-relay';
import { startQueueDashboard } from './queues/queue-dashboard';
import { withDevelopmentIde } from './ide/graphiql';
import { startSubscriptions, type RunningSubscriptions } from './subscriptions/start-subscriptions';
import {
  formatError,
  GATEWAY_PORT,
  startGraphQLHttpServer,
  SUBGRAPH_NAMES,
  subgraphUrl,
  type RunningServer,
  type SubgraphName,
} from '@polyplus/subgraph-kit';
import { defaultSubgraphTransport, serverTlsFromEnv } from '@polyplus/subgraph-kit';
import { checkGatewayTransport } from './transport/gateway-transport';

/** Composed at build time by `npm run compose` and checked in: the gateway never introspects subgraphs. */
export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');

/**
 * Parts a gateway process may be started without, from code only (no setting turns them off): an
 * HTTP-only replica serves no subscriptions, and the load benchmark weighs what each part costs.
 */
export type GatewayParts = { subscriptions: boolean; queryLimits: boolean };

export type GatewayOptions = { port?: number; host?: string; env?: NodeJS.ProcessEnv; parts?: Partial<GatewayParts> };

export type RunningGateway = RunningServer & { subscriptions?: RunningSubscriptions };

async function subgraphHealth(env: NodeJS.ProcessEnv): Promise<Record<string, 'up' | 'down'>> {
  const states = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      const url = subgraphUrl(name, env).replace(/\/graphql$/, '/health');
      const up = await defaultSubgraphTransport(env)
        .fetch(url, { signal: AbortSignal.timeout(2_000) })
        .then(
          (r) => r.ok,
          () => false,
        );
      return [name, up ? 'up' : 'down'] as const;
    }),
  );
  return Object.fromEntries(states);
}

export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  const env = options.env ?? process.env;
  const parts: GatewayParts = { subscriptions: true, queryLimits: true, ...options.parts };
  startServiceLogger('gateway', { env });
  const auth = authConfig(env);
  const host = options.host ?? env.HOST ?? '127.0.0.1';
  const tls = serverTlsFromEnv(env);
  checkGatewayTransport(env, host, tls);
  const transport = defaultSubgraphTransport(env);
  // Production serves no test clock: its fields are absent from the API, not merely refused.
  const composed = readFileSync(SUPERGRAPH_PATH, 'utf8');
  const supergraphSdl = testClockAllowed(env) ? composed : withoutTestClock(composed);
  const sharedReads = sharedReadsFromEnv(env);
  // `shareReads`: the HTTP gateway's identical reads share a request; subscriptions share theirs per event already.
  const createGateway = (shareReads: boolean) =>
    new ApolloGateway({
      supergraphSdl,
      logger: apolloLogger('apollo-gateway'),
      // The supergraph names default local URLs; the environment decides where each subgraph really is.
      buildService: ({ name }) =>
        new SignedDataSource(subgraphUrl(name as SubgraphName, env), auth.principalSecrets[0], transport, name, shareReads),
    });
  const gateway = createGateway(sharedReads);
  const rateLimiter = await startRateLimiter(env);
  const queueDashboard = startQueueDashboard({ env, auth, limiter: rateLimiter.limiter });
  const fileRoutes = fileRelay({ env, auth, limiter: rateLimiter.limiter });
  const server = await startGraphQLHttpServer<GatewayContext>({
    name: 'gateway',
    port: options.port ?? Number(env.GATEWAY_PORT ?? GATEWAY_PORT),
    host,
    tls,
    apollo: {
      gateway,
      formatError: (formatted, error) => formatError(formatted, error),
      introspection: env.NODE_ENV !== 'production',
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: true,
      // Input first: a request that cannot run is BAD_USER_INPUT before its cost is weighed. No Apollo
      // landing page (it loads Sandbox from a CDN): outside production browsers get GraphiQL instead.
      plugins: [ApolloServerPluginLandingPageDisabled(), inputValidationPlugin(), ...(parts.queryLimits ? [queryLimitsPlugin()] : [])],
    },
    context: gatewayContext(auth, rateLimiter.limiter),
    // A subgraph being down makes no gateway unready: taking every gateway out of service would
    // refuse the queries the other subgraphs can still answer. /health shows each subgraph's state.
    healthReport: async () => ({ subgraphs: await subgraphHealth(env) }),
    routes: withDevelopmentIde(env, (request, response) => queueDashboard.routes(request, response) || fileRoutes(request, response)),
    // The gateway faces the internet: in production its /metrics wants METRICS_TOKEN, or is not served.
    metrics: { exposure: 'internet', env },
  });
  // Subscriptions (graphql-ws) on the same server and path, with a gateway of their own for deliveries.
  const subscriptions = parts.subscriptions
    ? await startSubscriptions({
        httpServer: server.httpServer,
        supergraphSdl,
        gateway: createGateway(false),
        auth,
        env,
        limiter: rateLimiter.limiter,
      })
    : undefined;
  return {
    ...server,
    subscriptions,
    stop: async () => {
      await subscriptions?.stop();
      await server.stop();
      await queueDashboard.close();
      rateLimiter.close();
    },
  };
}
