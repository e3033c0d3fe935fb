import 'reflect-metadata';
import { runSubgraph, stopOnSignals, subgraphPort } from '@polyplus/subgraph-kit';
import { customersSubgraph } from './customers-subgraph';

runSubgraph(customersSubgraph, subgraphPort('customers')).then(stopOnSignals, (error) => {
  console.error(error);
  process.exit(1);
});
