import 'reflect-metadata';
import { incidentsSchema } from '@polyplus/config';
import { runSubgraphMain } from '@polyplus/subgraph-kit';
import { incidentsSubgraph } from './incidents-subgraph';

runSubgraphMain(incidentsSubgraph, incidentsSchema);
