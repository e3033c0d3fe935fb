import { gatewaySchema, loadConfigOrExit } from '@polyplus/config';
import { logStartFailure, serviceLogger } from '@polyplus/logger';
import { stopOnSignals } from '@polyplus/subgraph-kit';
import { startTracing } from '@polyplus/telemetry';
import { startGateway } from './gateway';

// The whole environment, validated before anything connects: a bad value stops here, in one line.
loadConfigOrExit(gatewaySchema);

// Tracing first: the gateway hooks its spans in only when it is on at its start.
startTracing('gateway')
  .then(() => startGateway())
  .then(
    (server) => {
      serviceLogger().info(`gateway ready at ${server.url}`);
      stopOnSignals(() => server.stop());
    },
    (error) => {
      logStartFailure(error);
      process.exit(1);
    },
  );
