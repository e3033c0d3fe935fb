import 'reflect-metadata';
import { loadConfigOrExit, logisticsSchema } from '@polyplus/config';
import { logStartFailure } from '@polyplus/logger';
import { runSubgraph, stopOnSignals, subgraphPort } from '@polyplus/subgraph-kit';
import { logisticsSubgraph } from './logistics-subgraph';

// The whole environment, validated before anything connects: a bad value stops here, in one line.
loadConfigOrExit(logisticsSchema);

runSubgraph(logisticsSubgraph, subgraphPort('logistics')).then(stopOnSignals, (error) => {
  logStartFailure(error);
  process.exit(1);
});
