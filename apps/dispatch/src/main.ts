import 'reflect-metadata';
import { runSubgraph, stopOnSignals, subgraphPort } from '@polyplus/subgraph-kit';
import { dispatchSubgraph } from './dispatch-subgraph';

runSubgraph(dispatchSubgraph, subgraphPort('dispatch')).then(stopOnSignals, (error) => {
  console.error(error);
  process.exit(1);
});
