import { createDataSource } from '@polyplus/persistence';
import type { SubgraphDefinition } from './run-subgraph';

/** A subgraph's SDL as its code defines it; the data source handed to the resolvers is never opened. */
export async function printSubgraphSdl(definition: SubgraphDefinition): Promise<string> {
  const unopened = createDataSource({ ...definition.database, database: 'unused' });
  const { sdl, close } = await definition.build(unopened);
  await close?.();
  return `${sdl.trim()}\n`;
}
