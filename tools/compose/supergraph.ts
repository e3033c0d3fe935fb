import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { createDataSource } from '@polyplus/persistence';
import { SUBGRAPH_NAMES, subgraphUrl, type SubgraphName } from '@polyplus/subgraph-kit';
import { loadSubgraphDefinition } from '../migrations/subgraph-definitions';

export const SUPERGRAPH_FILE = join('apps', 'gateway', 'supergraph.graphql');
export const subgraphSchemaFile = (name: SubgraphName) => join('apps', name, 'schema.graphql');

/** Prints a subgraph's SDL from its code; the data source is never opened. */
export async function printSubgraphSdl(name: SubgraphName): Promise<string> {
  const definition = await loadSubgraphDefinition(name);
  const unopened = createDataSource({ ...definition.database, database: 'unused' });
  const { sdl } = await definition.build(unopened);
  return `${sdl.trim()}\n`;
}

/** Composes the supergraph from the checked-in subgraph SDL files, with the default local URLs. */
export function composeSupergraph(readSdl: (name: SubgraphName) => string = (name) => readFileSync(subgraphSchemaFile(name), 'utf8')): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({ name, url: subgraphUrl(name, {}), typeDefs: parse(readSdl(name)) })),
  );
  if (result.errors) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}
