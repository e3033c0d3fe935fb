import 'reflect-metadata';
import { runSubgraph, stopOnSignals, subgraphPort } from '@polyplus/subgraph-kit';
import { devicesSubgraph } from './devices-subgraph';

runSubgraph(devicesSubgraph, subgraphPort('devices')).then(stopOnSignals, (error) => {
  console.error(error);
  process.exit(1);
});
