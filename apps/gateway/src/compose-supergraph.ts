import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { SUBGRAPH_NAMES, subgraphUrl, type SubgraphName } from '@polyplus/subgraph-kit';

/** Composes the supergraph from each subgraph's SDL, naming the default local URLs. */
export function composeSupergraph(readSdl: (name: SubgraphName) => string): string {
  const result = composeServices(SUBGRAPH_NAMES.map((name) => ({ name, url: subgraphUrl(name, {}), typeDefs: parse(readSdl(name)) })));
  if (result.errors) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}
