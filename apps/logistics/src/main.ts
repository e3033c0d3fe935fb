import 'reflect-metadata';
import { runSubgraph, stopOnSignals, subgraphPort } from '@polyplus/subgraph-kit';
import { logisticsSubgraph } from './logistics-subgraph';

runSubgraph(logisticsSubgraph, subgraphPort('logistics')).then(stopOnSignals, (error) => {
  console.error(error);
  process.exit(1);
});
