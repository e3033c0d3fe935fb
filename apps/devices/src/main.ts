import 'reflect-metadata';
import { loadConfigOrExit, devicesSchema } from '@polyplus/config';
import { logStartFailure } from '@polyplus/logger';
import { runSubgraph, stopOnSignals, subgraphPort } from '@polyplus/subgraph-kit';
import { devicesSubgraph } from './devices-subgraph';

// The whole environment, validated before anything connects: a bad value stops here, in one line.
loadConfigOrExit(devicesSchema);

runSubgraph(devicesSubgraph, subgraphPort('devices')).then(stopOnSignals, (error) => {
  logStartFailure(error);
  process.exit(1);
});
