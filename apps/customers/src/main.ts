import 'reflect-metadata';
import { loadConfigOrExit, customersSchema } from '@polyplus/config';
import { logStartFailure } from '@polyplus/logger';
import { runSubgraph, stopOnSignals, subgraphPort } from '@polyplus/subgraph-kit';
import { customersSubgraph } from './customers-subgraph';

// The whole environment, validated before anything connects: a bad value stops here, in one line.
loadConfigOrExit(customersSchema);

runSubgraph(customersSubgraph, subgraphPort('customers')).then(stopOnSignals, (error) => {
  logStartFailure(error);
  process.exit(1);
});
