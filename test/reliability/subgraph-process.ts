import { freePort, stopChild, waitForHealth } from '@polyplus/local-stack';
import type { SubgraphName } from '@polyplus/subgraph-kit';
import { spawnSourceProcess } from '../support/source-process';

export type SubgraphProcess = {
  url: string;
  healthUrl: string;
  pid: number;
  /** Whether the process is still the one started (it never exited or restarted). */
  running(): boolean;
  logs(): string[];
  stop(): Promise<void>;
};

/** One subgraph's real process (`apps/<name>/src/main.ts`) on a free port, healthy when this resolves. */
export async function startSubgraphProcess(name: SubgraphName, env: NodeJS.ProcessEnv): Promise<SubgraphProcess> {
  const port = await freePort();
  const { child, logs } = spawnSourceProcess(`apps/${name}/src/main.ts`, { ...env, [`${name.toUpperCase()}_PORT`]: String(port) });
  const healthUrl = `http://127.0.0.1:${port}/health`;
  const stop = () => stopChild(child);
  try {
    await waitForHealth(healthUrl, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${logs.slice(-30).join('\n')}`);
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    healthUrl,
    pid: child.pid as number,
    running: () => child.exitCode === null && child.signalCode === null,
    logs: () => logs,
    stop,
  };
}
