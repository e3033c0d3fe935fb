import { createDataSource } from '@polyplus/persistence';
import { rootFieldsWithoutPolicy } from './access-policy';
import type { BuiltSubgraph, SubgraphDefinition } from './define-subgraph';

/** A subgraph's schema as its code defines it, built over a data source that is never opened. */
export async function buildUnopenedSubgraph(definition: SubgraphDefinition): Promise<BuiltSubgraph> {
  const unopened = createDataSource({ ...definition.database, database: 'unused' });
  const built = await definition.build(unopened);
  await built.close?.();
  return built;
}

/** A subgraph's SDL as its code defines it. */
export async function printSubgraphSdl(definition: SubgraphDefinition): Promise<string> {
  const { sdl } = await buildUnopenedSubgraph(definition);
  return `${sdl.trim()}\n`;
}

/** Root fields a subgraph's code leaves without an access policy: refused at run time, kept empty by a test. */
export async function unguardedRootFields(definition: SubgraphDefinition): Promise<string[]> {
  const { schema, accessPolicies } = await buildUnopenedSubgraph(definition);
  return rootFieldsWithoutPolicy(schema, accessPolicies);
}
