// Hive Gateway over the product's supergraph, for the gateway load benchmark only: a comparison, never
// part of the product. Run by run.ts in a process of its own (as the product's gateway is), configured
// through the environment:
//   BENCH_SUPERGRAPH    path of the supergraph SDL, subgraph URLs already those of the running stack
//   BENCH_PORT          port to listen on (127.0.0.1)
//   BENCH_FORWARD       comma-separated request headers passed on to every subgraph request: the bench
//                       sends the signed principal the product's gateway would send (Hive verifies no token)
//   BENCH_HIVE_DEDUP    "on" (Hive's default: identical in-flight subgraph queries share one request) or "off"
//   BENCH_HIVE_PLANNER  "js" (the JavaScript planner) or "rust" (@graphql-hive/router-runtime)
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { required } from './bench-env';

// The little of Hive's API used here. Its packages are loaded by a name TypeScript does not follow: their
// type declarations augment graphql's error extensions and the fetch types for the whole program, which
// would change how the product itself type-checks.
type HiveGateway = RequestListener & { dispose(): Promise<void> | void };
type HiveConfig = {
  supergraph: string;
  logging: boolean;
  landingPage: boolean;
  graphiql: boolean;
  unifiedGraphHandler?: unknown;
  propagateHeaders: { fromClientToSubgraphs: (payload: { request: Request }) => Record<string, string | null> };
  transportEntries: Record<string, { options: Record<string, unknown> }>;
};
const GATEWAY_RUNTIME: string = '@graphql-hive/gateway-runtime';
const ROUTER_RUNTIME: string = '@graphql-hive/router-runtime';

async function main(): Promise<void> {
  const { createGatewayRuntime } = (await import(GATEWAY_RUNTIME)) as { createGatewayRuntime: (config: HiveConfig) => HiveGateway };
  const rust = process.env.BENCH_HIVE_PLANNER === 'rust' ? ((await import(ROUTER_RUNTIME)) as { unifiedGraphHandler: unknown }) : undefined;
  const forwarded = required('BENCH_FORWARD').split(',');
  const gateway = createGatewayRuntime({
    supergraph: readFileSync(required('BENCH_SUPERGRAPH'), 'utf8'),
    logging: false,
    // Like the product in production: no landing page, no GraphiQL.
    landingPage: false,
    graphiql: false,
    ...(rust ? { unifiedGraphHandler: rust.unifiedGraphHandler } : {}),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => Object.fromEntries(forwarded.map((name) => [name, request.headers.get(name)])),
    },
    transportEntries: {
      '*.http': { options: { deduplicateInflightRequests: required('BENCH_HIVE_DEDUP') === 'on' } },
    },
  });
  const server = createServer(gateway);
  server.listen(Number(required('BENCH_PORT')), '127.0.0.1', () => process.stdout.write('listening\n'));
  process.on('SIGTERM', () => {
    server.close();
    void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
