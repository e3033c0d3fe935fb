// Regenerates every subgraph's schema.graphql from code and composes apps/gateway/supergraph.graphql.
//   npm run compose            write the files
//   npm run compose -- --check fail when a checked-in file differs from what the code produces
//   npm run compose -- logistics  regenerate only the named subgraphs; compose with the others' checked-in SDL
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl, SUBGRAPH_NAMES, type SubgraphName } from '@polyplus/subgraph-kit';
import { composeSupergraph } from '../../apps/gateway/src/compose-supergraph';
import { loadSubgraphDefinition } from '../migrations/subgraph-definitions';

const subgraphSchemaFile = (name: SubgraphName) => join('apps', name, 'schema.graphql');
const SUPERGRAPH_FILE = join('apps', 'gateway', 'supergraph.graphql');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const named = args.filter((arg) => !arg.startsWith('--')) as SubgraphName[];
  const unknown = named.filter((name) => !SUBGRAPH_NAMES.includes(name));
  if (unknown.length > 0) throw new Error(`Unknown subgraph(s): ${unknown.join(', ')}`);
  const regenerate = named.length > 0 ? named : SUBGRAPH_NAMES;
  const generated = new Map<string, string>();
  for (const name of regenerate) generated.set(subgraphSchemaFile(name), await printSubgraphSdl(await loadSubgraphDefinition(name)));
  const sdlOf = (name: SubgraphName) => generated.get(subgraphSchemaFile(name)) ?? readFileSync(subgraphSchemaFile(name), 'utf8');
  generated.set(SUPERGRAPH_FILE, composeSupergraph(sdlOf));
  const stale = [...generated].filter(([file, content]) => {
    try {
      return readFileSync(file, 'utf8') !== content;
    } catch {
      return true;
    }
  });
  if (check && stale.length > 0) {
    console.error(`Stale generated schema files (run npm run compose):\n${stale.map(([file]) => file).join('\n')}`);
    process.exit(1);
  }
  for (const [file, content] of stale) writeFileSync(file, content);
  console.log(stale.length === 0 ? 'Schemas up to date.' : `Wrote ${stale.map(([file]) => file).join(', ')}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
