// The Online Support Center's server: see portal-config.ts for its settings. Serves the portal built
// by `npx nx build support-center` and relays its API traffic to the gateway.
import { loadConfigOrExit, supportCenterSchema } from '@polyplus/config';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { logStartFailure, startServiceLogger } from '@polyplus/logger';
import { portalConfig } from './portal-config';
import { startPortalServer } from './portal-server';

async function main(): Promise<void> {
  const log = startServiceLogger('support-center');
  const config = portalConfig();
  if (!existsSync(join(config.root, 'index.html'))) throw new Error(`No built portal in ${config.root}: run npx nx build support-center`);
  const portal = await startPortalServer(config);
  log.info(`support center ready at ${portal.url}${config.demoSignIn ? ' (development sign-in on)' : ''}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    portal.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// The whole environment, validated before anything is served: a bad value stops here, in one line.
loadConfigOrExit(supportCenterSchema);

main().catch((error) => {
  logStartFailure(error);
  process.exit(1);
});
