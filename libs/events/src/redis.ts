import { readEntry, redisGroup } from '@polyplus/config';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { redisTlsOption } from './redis-tls';

export const DEFAULT_REDIS_URL: string = redisGroup.REDIS_URL.defaultText;

export type RedisRole = 'worker' | 'producer';

/** A connection to one Redis server or to a Redis Cluster: every helper here takes either. */
export type RedisConnection = Redis | Cluster;

/** Where Redis is: one server by URL, or the seed nodes of a Redis Cluster. */
export type RedisTarget =
  | { kind: 'node'; url: string }
  | { kind: 'cluster'; nodes: { host: string; port: number }[]; username?: string; password?: string; tls: boolean };

/**
 * `REDIS_CLUSTER_NODES` (comma-separated `host:port` or `redis://[user:password@]host:port`, any
 * subset of the cluster's nodes; credentials and `rediss://` of the first apply to all) selects a
 * Redis Cluster; otherwise `REDIS_URL` names one server.
 */
export function redisTarget(env: NodeJS.ProcessEnv = process.env): RedisTarget {
  const list = env.REDIS_CLUSTER_NODES?.trim();
  if (!list) return { kind: 'node', url: readEntry('REDIS_URL', redisGroup.REDIS_URL, env) };
  const urls = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const withScheme = /^rediss?:\/\//.test(entry) ? entry : `redis://${entry}`;
      try {
        const url = new URL(withScheme);
        if (!url.hostname || !url.port) throw new Error('host and port needed');
        return url;
      } catch {
        throw new Error(`REDIS_CLUSTER_NODES: "${entry}" is not host:port or redis://host:port`);
      }
    });
  const [first] = urls;
  return {
    kind: 'cluster',
    nodes: urls.map((url) => ({ host: url.hostname, port: Number(url.port) })),
    username: first.username ? decodeURIComponent(first.username) : undefined,
    password: first.password ? decodeURIComponent(first.password) : undefined,
    tls: first.protocol === 'rediss:',
  };
}

/** Whether connections to the target are TLS (`rediss://`). */
export function isEncryptedTarget(target: RedisTarget): boolean {
  return target.kind === 'cluster' ? target.tls : /^rediss:\/\//i.test(target.url);
}

/** The hosts a target names (the server, or the cluster's seed nodes). */
export function targetHosts(target: RedisTarget): string[] {
  if (target.kind === 'cluster') return target.nodes.map((node) => node.host);
  try {
    return [new URL(target.url).hostname];
  } catch {
    return [target.url];
  }
}

/** Whether the environment points at a Redis Cluster (`REDIS_CLUSTER_NODES` set). */
export function isClusterConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return redisTarget(env).kind === 'cluster';
}

function roleOptions(role: RedisRole): RedisOptions {
  return role === 'worker'
    ? { maxRetriesPerRequest: null, enableReadyCheck: true }
    : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
}

/**
 * Workers block on Redis and must retry forever (BullMQ requires `maxRetriesPerRequest: null`);
 * producers sit in request paths and fail fast instead of queueing commands while Redis is down.
 *
 * `source` is a `redis://` URL (one server) or an environment (default `process.env`) read by
 * {@link redisTarget}: the same call gives a cluster connection when `REDIS_CLUSTER_NODES` is set.
 */
export function createRedis(role: RedisRole, source: string | NodeJS.ProcessEnv = process.env): RedisConnection {
  const target: RedisTarget = typeof source === 'string' ? { kind: 'node', url: source } : redisTarget(source);
  const options = roleOptions(role);
  // rediss:// (or a cluster of rediss:// nodes) is TLS, with the CA and client certificate of REDIS_TLS_*.
  const tls = redisTlsOption(isEncryptedTarget(target), typeof source === 'string' ? process.env : source);
  if (target.kind === 'node') return new Redis(target.url, { ...options, ...(tls ? { tls } : {}) });
  const { enableOfflineQueue, ...nodeOptions } = options;
  const clusterOptions: ClusterOptions = {
    enableReadyCheck: true,
    enableOfflineQueue: enableOfflineQueue ?? true,
    // A failover moves slots: retry a command a few times while the cluster settles.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 200,
    redisOptions: {
      ...nodeOptions,
      username: target.username,
      password: target.password,
      ...(tls ? { tls } : {}),
    },
  };
  return new Cluster(target.nodes, clusterOptions);
}

/**
 * A second connection like `connection` (same server or cluster, same credentials) with some
 * options replaced: blocking reads need one of their own.
 */
export function duplicateConnection(connection: RedisConnection, override: Partial<RedisOptions> = {}): RedisConnection {
  if (connection instanceof Cluster) {
    const { enableOfflineQueue, ...nodeOverride } = override;
    return connection.duplicate([], {
      ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
      redisOptions: { ...connection.options.redisOptions, ...nodeOverride },
    });
  }
  return connection.duplicate(override);
}

/** The masters of a cluster (each owns a share of the slots), or the one server. */
export function masterNodes(connection: RedisConnection): Redis[] {
  return connection instanceof Cluster ? connection.nodes('master') : [connection];
}

/** BullMQ only warns when Redis may evict keys; a lost job key is a lost job, so refuse to run. */
export async function assertNoEviction(connection: RedisConnection): Promise<void> {
  // A cluster knows its masters only once connected; one server queues the command meanwhile.
  if (connection instanceof Cluster) await waitForRedis(connection, 30_000);
  for (const node of masterNodes(connection)) {
    const [, policy] = (await node.config('GET', 'maxmemory-policy')) as [string, string];
    if (policy !== 'noeviction') {
      const where = connection instanceof Cluster ? ` on ${node.options.host}:${node.options.port}` : '';
      throw new Error(`Redis maxmemory-policy is "${policy}"${where}; queues need "noeviction" (CONFIG SET maxmemory-policy noeviction)`);
    }
  }
}

/** Waits for a connection to be usable, so start-up fails with a clear message instead of hanging. */
export async function waitForRedis(connection: RedisConnection, timeoutMs = 5_000): Promise<void> {
  if (connection.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      connection.off('ready', onReady);
      reject(new Error(`Redis not reachable within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    connection.once('ready', onReady);
  });
}
