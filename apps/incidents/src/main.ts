import 'reflect-metadata';
import { runSubgraph, stopOnSignals, subgraphPort } from '@polyplus/subgraph-kit';
import { incidentsSubgraph } from './incidents-subgraph';

runSubgraph(incidentsSubgraph, subgraphPort('incidents')).then(stopOnSignals, (error) => {
  console.error(error);
  process.exit(1);
});
