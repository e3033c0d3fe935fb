import { join } from 'node:path';
import { buildWithVite } from './web-app';

const ROOT = join(__dirname, '..', '..', '..');

/** Builds the gateway's development GraphQL IDE (GraphiQL, apps/gateway/graphiql) unless the last build is newer than its sources. */
export function buildGraphqlIde(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  const sources = join(ROOT, 'apps', 'gateway', 'graphiql');
  return buildWithVite({
    label: 'graphql-ide',
    config: join(sources, 'vite.config.mts'),
    sources: [sources],
    built: join(ROOT, 'dist', 'apps', 'gateway', 'graphiql', 'graphiql.js'),
    ...options,
  });
}
