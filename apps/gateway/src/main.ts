import { stopOnSignals } from '@polyplus/subgraph-kit';
import { startGateway } from './gateway';

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
