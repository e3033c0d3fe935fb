import 'reflect-metadata';
import { loadConfigOrExit, dispatchSchema } from '@polyplus/config';
import { logStartFailure } from '@polyplus/logger';
import { runSubgraph, stopOnSignals, subgraphPort } from '@polyplus/subgraph-kit';
import { dispatchSubgraph } from './dispatch-subgraph';

// The whole environment, validated before anything connects: a bad value stops here, in one line.
loadConfigOrExit(dispatchSchema);

runSubgraph(dispatchSubgraph, subgraphPort('dispatch')).then(stopOnSignals, (error) => {
  logStartFailure(error);
  process.exit(1);
});
