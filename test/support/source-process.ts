import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A process of ours run from its TypeScript source, with every non-empty line it printed (stdout and stderr). */
export type SourceProcess = { child: ChildProcess; logs: string[] };

/** Runs `entry` (e.g. `apps/incidents/src/main.ts`, from the repository root) from source with `env` over this process's. */
export function spawnSourceProcess(entry: string, env: NodeJS.ProcessEnv): SourceProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const keep = (chunk: Buffer) =>
    void logs.push(
      ...chunk
        .toString()
        .split('\n')
        .filter((line) => line.trim()),
    );
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, logs };
}
