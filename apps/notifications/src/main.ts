import 'reflect-metadata';
import { notificationsSchema } from '@polyplus/config';
import { runSubgraphMain } from '@polyplus/subgraph-kit';
import { notificationsSubgraph } from './notifications-subgraph';

runSubgraphMain(notificationsSubgraph, notificationsSchema);
