import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '@polyplus/local-stack';
import { privateRedisArgs } from './redis-server-args';
import { until } from '@polyplus/polling';

/** A Redis Cluster of the test's own: `masters` redis-server processes on free ports, all slots assigned. */
export type PrivateRedisCluster = {
  nodes: { host: string; port: number }[];
  /** The value for `REDIS_CLUSTER_NODES`. */
  nodesEnv: string;
  /** Kills every node and removes their data directories. */
  dispose(): Promise<void>;
};

const REDIS_SERVER = '/usr/bin/redis-server';
const REDIS_CLI = '/usr/bin/redis-cli';

async function ask(port: number, ...command: string[]): Promise<string> {
  const redis = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return String(await redis.call(command[0], ...command.slice(1)));
  } finally {
    redis.disconnect();
  }
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} exited with ${code}:\n${output}`))));
  });
}

/**
 * Starts a Redis Cluster from Debian's `redis-server` (cluster mode, each node's bus on a free port
 * of its own) and joins the nodes with `redis-cli --cluster create … --cluster-yes`; resolves once
 * every node reports `cluster_state:ok`. Nothing is persisted. Always `dispose()` it, also when a
 * test failed: the nodes are stopped even if creating the cluster failed.
 */
export async function startPrivateRedisCluster(masters = 3): Promise<PrivateRedisCluster> {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  const nodes: { host: string; port: number }[] = [];
  const dispose = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  };
  try {
    for (let i = 0; i < masters; i++) {
      const dir = await mkdtemp(join(tmpdir(), 'polyplus-redis-cluster-'));
      dirs.push(dir);
      const [port, busPort] = [await freePort(), await freePort()];
      const child = spawn(
        REDIS_SERVER,
        privateRedisArgs(port, dir, [
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, 'nodes.conf'),
          '--cluster-port',
          String(busPort),
          '--cluster-node-timeout',
          '2000',
          '--appendonly',
          'no',
        ]),
        { stdio: 'ignore' },
      );
      children.push(child);
      nodes.push({ host: '127.0.0.1', port });
    }
    // A node still starting refuses connections: that is "not yet", not a failure.
    for (const node of nodes)
      await until(
        () =>
          ask(node.port, 'PING').then(
            (answer) => answer === 'PONG',
            () => false,
          ),
        `Redis Cluster node ${node.port} to answer`,
        { everyMs: 100 },
      );
    await run(REDIS_CLI, [
      '--cluster',
      'create',
      ...nodes.map((node) => `${node.host}:${node.port}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    for (const node of nodes)
      await until(
        () =>
          ask(node.port, 'CLUSTER', 'INFO').then(
            (info) => info.includes('cluster_state:ok'),
            () => false,
          ),
        `Redis Cluster node ${node.port} to see the cluster ok`,
        { everyMs: 100 },
      );
  } catch (error) {
    await dispose();
    throw error;
  }
  return { nodes, nodesEnv: nodes.map((node) => `${node.host}:${node.port}`).join(','), dispose };
}
