import { gatewaySchema, loadConfigOrExit } from '@polyplus/config';
import { logStartFailure, serviceLogger } from '@polyplus/logger';
import { stopOnSignals } from '@polyplus/subgraph-kit';
import { startGateway } from './gateway';

// The whole environment, validated before anything connects: a bad value stops here, in one line.
loadConfigOrExit(gatewaySchema);

startGateway().then(
  (server) => {
    serviceLogger().info(`gateway ready at ${server.url}`);
    stopOnSignals(() => server.stop());
  },
  (error) => {
    logStartFailure(error);
    process.exit(1);
  },
);
