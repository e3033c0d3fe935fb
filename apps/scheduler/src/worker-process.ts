import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { schedulerWorkerName } from './scheduler-worker';

const ROOT = join(__dirname, '..', '..', '..');

export type WorkerExit = { code: number | null; signal: NodeJS.Signals | null };

/** A scheduler worker running as its own process (apps/scheduler/src/main.ts), for signal tests. */
export type WorkerProcess = {
  child: ChildProcess;
  /** The name the worker stores on the jobs it takes (`job.processedBy`). */
  name: string;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves once the worker listens on the queue. */
  ready: Promise<void>;
  exited: Promise<WorkerExit>;
};

export function spawnWorkerProcess(env: NodeJS.ProcessEnv): WorkerProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/scheduler/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<WorkerExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('scheduler worker ready')) resolve();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    void exited.then((exit) => reject(new Error(`worker exited before it was ready (${JSON.stringify(exit)}):\n${output}`)));
  });
  // Without a listener a rejection after the test moved on would be reported as unhandled.
  ready.catch(() => undefined);
  return { child, name: schedulerWorkerName(child.pid), output: () => output, ready, exited };
}
