import 'reflect-metadata';
import { loadConfigOrExit, incidentsSchema } from '@polyplus/config';
import { logStartFailure } from '@polyplus/logger';
import { runSubgraph, stopOnSignals, subgraphPort } from '@polyplus/subgraph-kit';
import { incidentsSubgraph } from './incidents-subgraph';

// The whole environment, validated before anything connects: a bad value stops here, in one line.
loadConfigOrExit(incidentsSchema);

runSubgraph(incidentsSubgraph, subgraphPort('incidents')).then(stopOnSignals, (error) => {
  logStartFailure(error);
  process.exit(1);
});
