// Regenerates every subgraph's schema.graphql from code and composes apps/gateway/supergraph.graphql.
//   npm run compose            write the files
//   npm run compose -- --check fail when a checked-in file differs from what the code produces
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { SUBGRAPH_NAMES } from '@polyplus/subgraph-kit';
import { composeSupergraph, printSubgraphSdl, subgraphSchemaFile, SUPERGRAPH_FILE } from './supergraph';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const generated = new Map<string, string>();
  for (const name of SUBGRAPH_NAMES) generated.set(subgraphSchemaFile(name), await printSubgraphSdl(name));
  const supergraph = composeSupergraph((name) => generated.get(subgraphSchemaFile(name)) as string);
  generated.set(SUPERGRAPH_FILE, supergraph);
  const stale: string[] = [];
  for (const [file, content] of generated) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // a missing file is stale
    }
    if (current === content) continue;
    stale.push(file);
    if (!check) writeFileSync(file, content);
  }
  if (check && stale.length > 0) {
    console.error(`Stale generated schema files (run npm run compose):\n${stale.join('\n')}`);
    process.exit(1);
  }
  console.log(stale.length === 0 ? 'Schemas up to date.' : `Wrote ${stale.join(', ')}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
