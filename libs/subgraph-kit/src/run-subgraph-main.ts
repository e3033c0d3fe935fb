import { loadConfigOrExit, type Group, type ServiceSchema } from '@polyplus/config';
import { logStartFailure } from '@polyplus/logger';
import type { SubgraphDefinition } from './define-subgraph';
import { runSubgraph } from './run-subgraph';
import { SUBGRAPH_NAMES, subgraphPort } from './service-directory';
import { stopOnSignals } from './shutdown';

/** A subgraph's `main.ts`: validate the whole environment, serve on the subgraph's port, stop on SIGTERM. */
export function runSubgraphMain<G extends Group>(definition: SubgraphDefinition, configSchema: ServiceSchema<G>): void {
  // The whole environment, validated before anything connects: a bad value stops here, in one line.
  loadConfigOrExit(configSchema);
  const name = SUBGRAPH_NAMES.find((known) => known === definition.name);
  if (!name) throw new Error(`${definition.name} is not a subgraph of the service directory`);
  runSubgraph(definition, subgraphPort(name)).then(stopOnSignals, (error) => {
    logStartFailure(error);
    process.exit(1);
  });
}
