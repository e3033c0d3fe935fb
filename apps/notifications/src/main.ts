import 'reflect-metadata';
import { runSubgraph, stopOnSignals, subgraphPort } from '@polyplus/subgraph-kit';
import { notificationsSubgraph } from './notifications-subgraph';

runSubgraph(notificationsSubgraph, subgraphPort('notifications')).then(stopOnSignals, (error) => {
  console.error(error);
  process.exit(1);
});
