// The dispatch board's server: BOARD_PORT (default 4010), GATEWAY_URL (default the local gateway),
// BOARD_ROOT (default dist/apps/dispatch-board/public, built by `npx nx build dispatch-board`), and
// outside production BOARD_DEMO_SIGN_IN (on by default; "off" turns the one-click demo sign-in off).
import { loadConfigOrExit, dispatchBoardSchema } from '@polyplus/config';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { logStartFailure, startServiceLogger } from '@polyplus/logger';
import { builtPageRoot } from '@polyplus/web-kit';
import { startBoardServer } from './board-server';
import { boardDemoSignIn } from './demo-sign-in';

async function main(): Promise<void> {
  const log = startServiceLogger('dispatch-board');
  const root = process.env.BOARD_ROOT ?? builtPageRoot('dispatch-board', __dirname);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`No built board in ${root}: run npx nx build dispatch-board`);
  const demoSignIn = boardDemoSignIn();
  const board = await startBoardServer({
    root,
    gatewayUrl: process.env.GATEWAY_URL ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}/graphql`,
    port: Number(process.env.BOARD_PORT ?? 4010),
    host: process.env.HOST ?? '127.0.0.1',
    demoSignIn,
  });
  log.info(`dispatch board ready at ${board.url}${demoSignIn ? ' (development sign-in on)' : ''}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    board.stop().then(() => process.exit(0), () => process.exit(1));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// The whole environment, validated before anything is served: a bad value stops here, in one line.
loadConfigOrExit(dispatchBoardSchema);

main().catch((error) => {
  logStartFailure(error);
  process.exit(1);
});
