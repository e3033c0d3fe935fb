import 'reflect-metadata';
import { devicesSchema } from '@polyplus/config';
import { runSubgraphMain } from '@polyplus/subgraph-kit';
import { devicesSubgraph } from './devices-subgraph';

runSubgraphMain(devicesSubgraph, devicesSchema);
