import 'reflect-metadata';
import { customersSchema } from '@polyplus/config';
import { runSubgraphMain } from '@polyplus/subgraph-kit';
import { customersSubgraph } from './customers-subgraph';

runSubgraphMain(customersSubgraph, customersSchema);
