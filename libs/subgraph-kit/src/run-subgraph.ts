import type { DataSource } from 'typeorm';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { databaseName, mysqlServerFor, openDatabase, type DatabaseOptions } from '@polyplus/persistence';
import { formatError } from './format-error';
import type { FederatedSchema } from './build-federated-schema';
import { startGraphQLHttpServer, type RunningServer } from './graphql-http-server';
import { principalContext, type SubgraphContext } from './principal-context';
import { authConfig } from '@polyplus/auth';

export type SubgraphDefinition = {
  name: string;
  database: Omit<DatabaseOptions, 'database'>;
  /** Builds the subgraph schema and its SDL; SDL printing passes a data source that is never opened. */
  build(dataSource: DataSource): Promise<FederatedSchema>;
};

export type StartSubgraphOptions = { port?: number; host?: string; dataSource: DataSource };

/** Serves a subgraph schema over an already open database (tests pass their own database). */
export async function startSubgraph(definition: SubgraphDefinition, options: StartSubgraphOptions): Promise<RunningServer> {
  const { schema, start, close, routes } = await definition.build(options.dataSource);
  await start?.();
  const production = process.env.NODE_ENV === 'production';
  const server = await startGraphQLHttpServer<SubgraphContext>({
    name: definition.name,
    port: options.port,
    host: options.host,
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
    health: async () => ({ mysql: await options.dataSource.query('SELECT 1').then(() => 'up' as const, () => 'down' as const) }),
  });
  return {
    ...server,
    async stop() {
      await server.stop();
      await close?.();
    },
  };
}

/** A subgraph process: open (and migrate) its own database, serve, stop cleanly on a signal. */
export async function runSubgraph(definition: SubgraphDefinition, port: number): Promise<() => Promise<void>> {
  process.env.SERVICE_NAME ??= definition.name; // the subject of its service-to-service calls
  // `<SUBGRAPH>_MYSQL_URL` puts this subgraph's database on a server of its own; else `MYSQL_URL`.
  const dataSource = await openDatabase({ ...definition.database, database: databaseName(definition.name), server: mysqlServerFor(definition.name) });
  const server = await startSubgraph(definition, { dataSource, port, host: process.env.HOST ?? '127.0.0.1' });
  console.log(`${definition.name} subgraph ready at ${server.url}`);
  return async () => {
    await server.stop();
    await dataSource.destroy();
  };
}
