// Plain @apollo/gateway on Apollo Server's standalone HTTP server, for the gateway load benchmark only: the
// baseline the product's gateway is held to (p99 at most twice this one's). Nothing of the product's own
// gateway layer — no token check, rate limit, query limits, input checks, shared reads or subscriptions —
// and Apollo's default subgraph client. Configured like hive-gateway.ts: BENCH_SUPERGRAPH, BENCH_PORT and
// BENCH_FORWARD (the request headers passed on to every subgraph request: the signed principal).
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { required } from './bench-env';

type Context = { headers: IncomingHttpHeaders };

const forwarded = required('BENCH_FORWARD').split(',');

class ForwardingDataSource extends RemoteGraphQLDataSource<Context> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): void {
    if (!('headers' in context)) return; // the gateway's own health checks carry none
    for (const name of forwarded) {
      const value = context.headers[name];
      if (typeof value === 'string') request.http?.headers.set(name, value);
    }
  }
}

async function main(): Promise<void> {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(required('BENCH_SUPERGRAPH'), 'utf8'),
    buildService: ({ url }) => new ForwardingDataSource({ url }),
  });
  const server = new ApolloServer<Context>({ gateway, introspection: false });
  await startStandaloneServer(server, {
    listen: { port: Number(required('BENCH_PORT')), host: '127.0.0.1' },
    context: async ({ req }) => ({ headers: req.headers }),
  });
  process.stdout.write('listening\n');
  process.on('SIGTERM', () => void server.stop().finally(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
