// The dispatch board's server: BOARD_PORT (default 4010), GATEWAY_URL (default the local gateway),
// BOARD_ROOT (default dist/apps/dispatch-board/public, built by `npx nx build dispatch-board`), and
// outside production BOARD_DEMO_SIGN_IN (on by default; "off" turns the one-click demo sign-in off).
import { dispatchBoardSchema, isProduction, loadConfigOrExit } from '@polyplus/config';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { logStartFailure, startServiceLogger } from '@polyplus/logger';
import { builtPageRoot } from '@polyplus/web-kit';
import { startBoardServer } from './board-server';

async function main(): Promise<void> {
  const log = startServiceLogger('dispatch-board');
  const root = config.BOARD_ROOT ?? builtPageRoot('dispatch-board', __dirname);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`No built board in ${root}: run npx nx build dispatch-board`);
  const demoSignIn = !isProduction(process.env) && config.BOARD_DEMO_SIGN_IN;
  const board = await startBoardServer({
    root,
    gatewayUrl: config.GATEWAY_URL ?? `http://127.0.0.1:${config.GATEWAY_PORT}/graphql`,
    port: config.BOARD_PORT,
    host: config.HOST ?? '127.0.0.1',
    demoSignIn,
  });
  log.info(`dispatch board ready at ${board.url}${demoSignIn ? ' (development sign-in on)' : ''}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    board.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// The whole environment, validated before anything is served: a bad value stops here, in one line.
const config = loadConfigOrExit(dispatchBoardSchema);

main().catch((error) => {
  logStartFailure(error);
  process.exit(1);
});
