import 'reflect-metadata';
import { loadConfigOrExit, notificationsSchema } from '@polyplus/config';
import { logStartFailure } from '@polyplus/logger';
import { runSubgraph, stopOnSignals, subgraphPort } from '@polyplus/subgraph-kit';
import { notificationsSubgraph } from './notifications-subgraph';

// The whole environment, validated before anything connects: a bad value stops here, in one line.
loadConfigOrExit(notificationsSchema);

runSubgraph(notificationsSubgraph, subgraphPort('notifications')).then(stopOnSignals, (error) => {
  logStartFailure(error);
  process.exit(1);
});
