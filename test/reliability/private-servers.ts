import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { Redis, type RedisOptions } from 'ioredis';
import { freePort } from '@polyplus/local-stack';
import { privateRedisArgs } from '@polyplus/testing';

/**
 * A Redis or MariaDB server of the test's own, on a free port with a temporary data directory:
 * the machine's shared servers are used by other suites at the same time and must never restart.
 */
export type PrivateServer = {
  port: number;
  url: string;
  /** Kills the server (SIGKILL by default: a crash, in-flight work is cut) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data directory; resolves once it answers. */
  start(): Promise<void>;
  /** Stops it and removes its data directory. */
  dispose(): Promise<void>;
};

export type ServerSpec = {
  name: string;
  command: string;
  args: string[];
  /** Resolves once the server answers a real request (not just an open port). */
  ping(): Promise<void>;
};

const READY_TIMEOUT_MS = 20_000;

async function waitUntilAnswering(spec: ServerSpec, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${spec.name} exited (${child.exitCode ?? child.signalCode}):\n${output.slice(-20).join('')}`);
    }
    try {
      await spec.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(
          `${spec.name} not answering after ${READY_TIMEOUT_MS} ms: ${(error as Error).message}\n${output.slice(-20).join('')}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export function privateServer(spec: ServerSpec, port: number, url: string, dir: string): PrivateServer {
  let child: ChildProcess | undefined;
  const output: string[] = [];
  const stop = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill(signal);
    await exited;
  };
  return {
    port,
    url,
    async start() {
      if (child) throw new Error(`${spec.name} is already running`);
      child = spawn(spec.command, spec.args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      const keep = (chunk: Buffer) => void output.push(chunk.toString());
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      await waitUntilAnswering(spec, child, output).catch(async (error) => {
        await stop();
        throw error;
      });
    },
    stop,
    async dispose() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Redis with an append-only file fsynced on every write, so a kill -9 loses nothing it
 * acknowledged: the delayed jobs are still there when it comes back.
 */
export async function startPrivateRedis(): Promise<PrivateServer> {
  const dir = await mkdtemp(join(tmpdir(), 'polyplus-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const server = privateServer(
    {
      name: 'redis-server',
      command: '/usr/bin/redis-server',
      args: privateRedisArgs(port, dir, ['--appendonly', 'yes', '--appendfsync', 'always']),
      ping: () => pingRedis(url),
    },
    port,
    url,
    dir,
  );
  await startOrClean(server, dir);
  return server;
}

/**
 * MariaDB with a fresh data directory (`mariadb-install-db`, root without a password), listening
 * on TCP only for this test; `url` is a `MYSQL_URL` for the product's processes.
 */
/** One PING to the Redis at `url`, without retries: throws while it does not answer. */
export async function pingRedis(url: string, options: RedisOptions = {}): Promise<void> {
  const redis = new Redis(url, { ...options, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

export async function startPrivateMariadb(): Promise<PrivateServer> {
  const { dir, port } = await prepareMariadb('polyplus-mariadb-');
  const url = `mysql://root@127.0.0.1:${port}`;
  const server = privateServer(
    {
      name: 'mariadbd',
      command: '/usr/sbin/mariadbd',
      args: privateMariadbArgs(dir, port),
      ping: () => pingMariadb(port),
    },
    port,
    url,
    dir,
  );
  await startOrClean(server, dir);
  return server;
}

/** A new temporary folder (named from `folderPrefix`) holding a fresh MariaDB data directory with a password-less root, and a free port to serve it on. */
export async function prepareMariadb(folderPrefix: string): Promise<{ dir: string; port: number }> {
  const dir = await mkdtemp(join(tmpdir(), folderPrefix));
  await run('/usr/bin/mariadb-install-db', [
    '--no-defaults',
    `--datadir=${join(dir, 'data')}`,
    '--user=root',
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
  ]);
  return { dir, port: await freePort() };
}

/** How a private mariadbd runs: its data, socket and pid file in `dir`, on 127.0.0.1:`port` only. */
export function privateMariadbArgs(dir: string, port: number): string[] {
  return [
    '--no-defaults',
    `--datadir=${join(dir, 'data')}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${join(dir, 'mariadb.sock')}`,
    `--pid-file=${join(dir, 'mariadb.pid')}`,
    '--user=root',
    '--skip-log-bin',
    '--innodb-buffer-pool-size=64M',
  ];
}

/** One `SELECT 1` as root to the MariaDB on `port`: throws while it does not answer. */
export async function pingMariadb(port: number, ssl?: { ca: string }): Promise<void> {
  const connection = await createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1_000, ...(ssl ? { ssl } : {}) });
  try {
    await connection.query('SELECT 1');
  } finally {
    await connection.end();
  }
}

export async function startOrClean(server: PrivateServer, dir: string): Promise<void> {
  try {
    await server.start();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

export function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}:\n${output.join('')}`))));
  });
}
