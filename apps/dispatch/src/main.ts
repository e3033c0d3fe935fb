import 'reflect-metadata';
import { dispatchSchema } from '@polyplus/config';
import { runSubgraphMain } from '@polyplus/subgraph-kit';
import { dispatchSubgraph } from './dispatch-subgraph';

runSubgraphMain(dispatchSubgraph, dispatchSchema);
