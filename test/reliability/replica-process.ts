import type { ChildProcess } from 'node:child_process';
import { freePort, stopChild } from '@polyplus/local-stack';
import { spawnSourceProcess } from '../support/source-process';

/** One replica of a service: its real process (`apps/<app>/src/main.ts`), which the test may kill. */
export type ReplicaProcess = {
  name: string;
  pid: number;
  /** The HTTP port it serves on (subgraphs, gateways), when it has one. */
  port?: number;
  logs(): string[];
  running(): boolean;
  /** A crash: SIGKILL, nothing is cleaned up; resolves once the process is gone. */
  kill(): Promise<void>;
  /** A clean stop: SIGTERM, then SIGKILL after the grace period. */
  stop(graceMs?: number): Promise<void>;
};

export type ReplicaSpec = {
  name: string;
  /** `apps/<app>/src/main.ts` */
  entry: string;
  env: NodeJS.ProcessEnv;
  /** The variable naming its HTTP port (`INCIDENTS_PORT`, `GATEWAY_PORT`); a free port is put there. */
  portVariable?: string;
  /** Ready when this line is printed (else when `/health` on its port answers with its pid). */
  readyLine?: string;
  timeoutMs?: number;
};

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts a replica and resolves once it is ready; a replica that does not get ready is stopped and its log shown. */
export async function startReplica(spec: ReplicaSpec): Promise<ReplicaProcess> {
  const port = spec.portVariable ? await freePort() : undefined;
  const { child, logs } = spawnSourceProcess(spec.entry, {
    ...spec.env,
    ...(spec.portVariable ? { [spec.portVariable]: String(port) } : {}),
  });
  const replica: ReplicaProcess = {
    name: spec.name,
    pid: child.pid as number,
    port,
    logs: () => logs,
    running: () => child.exitCode === null && child.signalCode === null,
    async kill() {
      if (replica.running()) child.kill('SIGKILL');
      await exited(child);
    },
    stop: (graceMs = 15_000) => stopChild(child, graceMs),
  };
  const deadline = Date.now() + (spec.timeoutMs ?? 180_000);
  try {
    for (;;) {
      if (!replica.running()) throw new Error(`${spec.name} exited (${child.exitCode ?? child.signalCode})`);
      if (
        spec.readyLine
          ? logs.some((line) => line.includes(spec.readyLine as string))
          : await answersHealth(port as number, child.pid as number)
      )
        break;
      if (Date.now() > deadline) throw new Error(`${spec.name} not ready within ${spec.timeoutMs ?? 180_000} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (error) {
    await replica.kill();
    throw new Error(`${(error as Error).message}\n${logs.slice(-30).join('\n')}`);
  }
  return replica;
}

async function answersHealth(port: number, pid: number): Promise<boolean> {
  const health = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) }).then(
    async (response) => (await response.json()) as { pid?: number },
    () => undefined,
  );
  // Only our child's answer counts: a port picked as free may be someone else's a moment later.
  return health?.pid === pid;
}
