import { spawnSourceProcess } from './source-process';

/** Runs a demo data loader (`tools/seed/*-cli.ts`) against the stack's gateway, as `npm start` does; fails with its output. */
export async function runSeedCli(entry: string, gatewayUrl: string, env: NodeJS.ProcessEnv): Promise<void> {
  const { child, logs } = spawnSourceProcess(entry, { ...env, GATEWAY_URL: gatewayUrl });
  // 'close', not 'exit': by then everything it printed has been read.
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`demo data not loaded (exit ${code}): ${logs.join('\n')}`);
}
