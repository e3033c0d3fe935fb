import { gatewaySchema, loadConfigOrExit } from '@polyplus/config';
import { stopOnSignals } from '@polyplus/subgraph-kit';
import { startGateway } from './gateway';

// The whole environment, validated before anything connects: a bad value stops here, in one line.
loadConfigOrExit(gatewaySchema);

startGateway().then(
  (server) => {
    console.log(`gateway ready at ${server.url}`);
    stopOnSignals(() => server.stop());
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
