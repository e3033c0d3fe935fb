import type { DataSource } from 'typeorm';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { databaseName, mysqlServerFor, openDatabase, serviceMysqlUrlVariable } from '@polyplus/persistence';
import { redisTarget, watchOutboxOf } from '@polyplus/events';
import { watchDbPool } from '@polyplus/metrics';
import { startServiceLogger } from '@polyplus/logger';
import { startTracing } from '@polyplus/telemetry';
import { formatError } from './format-error';
import type { SubgraphDefinition } from './define-subgraph';
import { startGraphQLHttpServer, type RunningServer } from './graphql-http-server';
import { principalContext, type SubgraphContext } from './principal-context';
import { authConfig } from '@polyplus/auth';
import { SUBGRAPH_NAMES, subgraphUrl } from './service-directory';
import { serverTlsFromEnv, type ServerTls } from './tls/server-tls';
import { assertTransportSecurity, listenerHop, mysqlHop, redisHop, subgraphHop, transportSecurityFromEnv } from './tls/transport-security';

// Tests declare probe subgraphs with the type from here.
export type { SubgraphDefinition } from './define-subgraph';

export type StartSubgraphOptions = { port?: number; host?: string; dataSource: DataSource; tls?: ServerTls };

/** Serves a subgraph schema over an already open database (tests pass their own database). */
export async function startSubgraph(definition: SubgraphDefinition, options: StartSubgraphOptions): Promise<RunningServer> {
  const { schema, start, close, routes } = await definition.build(options.dataSource);
  await start?.();
  const production = process.env.NODE_ENV === 'production';
  const server = await startGraphQLHttpServer<SubgraphContext>({
    name: definition.name,
    port: options.port,
    host: options.host,
    tls: options.tls,
    apollo: {
      schema,
      formatError: (formatted, error) => formatError(formatted, error),
      introspection: !production,
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: true,
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    },
    context: principalContext(authConfig().principalSecrets),
    routes,
    health: async () => ({
      mysql: await options.dataSource.query('SELECT 1').then(
        () => 'up' as const,
        () => 'down' as const,
      ),
    }),
  });
  const unwatch = [watchDbPool(options.dataSource), watchOutboxOf(options.dataSource)];
  return {
    ...server,
    async stop() {
      for (const stopWatching of unwatch) stopWatching();
      await server.stop();
      await close?.();
    },
  };
}

/** A subgraph process: open (and migrate) its own database, serve, stop cleanly on a signal. */
export async function runSubgraph(definition: SubgraphDefinition, port: number): Promise<() => Promise<void>> {
  process.env.SERVICE_NAME ??= definition.name; // the subject of its service-to-service calls
  const log = startServiceLogger(definition.name);
  // First: the database and the server hook their spans in only when tracing is on at their start.
  await startTracing(definition.name);
  // `<SUBGRAPH>_MYSQL_URL` puts this subgraph's database on a server of its own; else `MYSQL_URL`.
  const mysql = mysqlServerFor(definition.name);
  const host = process.env.HOST ?? '127.0.0.1';
  const tls = serverTlsFromEnv();
  // TRANSPORT_SECURITY=require: nothing is opened while a hop that leaves the host is configured plain.
  const mysqlVariable = process.env[serviceMysqlUrlVariable(definition.name)] ? serviceMysqlUrlVariable(definition.name) : 'MYSQL_URL';
  assertTransportSecurity(
    transportSecurityFromEnv(),
    [
      mysqlHop(mysqlVariable, mysql),
      redisHop(redisTarget()),
      listenerHop(host, tls),
      ...SUBGRAPH_NAMES.filter((name) => name !== definition.name).map((name) =>
        subgraphHop(`${name.toUpperCase()}_URL`, subgraphUrl(name)),
      ),
    ],
    `the ${definition.name} subgraph`,
  );
  const dataSource = await openDatabase({ ...definition.database, database: databaseName(definition.name), server: mysql });
  const server = await startSubgraph(definition, { dataSource, port, host, tls });
  log.info(`${definition.name} subgraph ready at ${server.url}`);
  return async () => {
    await server.stop();
    await dataSource.destroy();
  };
}
