import 'reflect-metadata';
import { logisticsSchema } from '@polyplus/config';
import { runSubgraphMain } from '@polyplus/subgraph-kit';
import { logisticsSubgraph } from './logistics-subgraph';

runSubgraphMain(logisticsSubgraph, logisticsSchema);
