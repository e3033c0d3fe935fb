import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { Redis } from 'ioredis';
import { parseMysqlUrl, testRunMarker } from '@polyplus/persistence';
import { DEFAULT_REDIS_URL, deleteKeysMatching } from '@polyplus/events';

/**
 * A prefix no other suite uses, for databases (`<prefix>customers`...) and queue keys; within a jest
 * run it carries the run's marker (`test_<marker>_<suite>_<random>_`), which the global teardown sweeps.
 */
export function uniqueTestPrefix(suite: string): string {
  const run = testRunMarker();
  return `test_${run ? `${run}_` : ''}${suite.replace(/[^a-z0-9]/gi, '_')}_${randomBytes(3).toString('hex')}_`;
}

/** Drops every database whose name starts with the prefix: what a suite created, and nothing else. */
export async function dropDatabasesWithPrefix(prefix: string): Promise<string[]> {
  if (!/^test_[A-Za-z0-9_]+$/.test(prefix)) throw new Error(`Refusing to drop databases for a non-test prefix: ${prefix}`);
  const server = parseMysqlUrl();
  const connection = await createConnection({ host: server.host, port: server.port, user: server.username, password: server.password });
  try {
    const [rows] = await connection.query('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?', [
      `${prefix}%`,
    ]);
    const names = (rows as { name: string }[]).map((row) => row.name);
    for (const name of names) await connection.query(`DROP DATABASE \`${name}\``);
    return names;
  } finally {
    await connection.end();
  }
}

/** Deletes every Redis key under a queue prefix (BullMQ keys are `<prefix>:<queue>:...`). */
export async function deleteRedisKeys(prefix: string, url = process.env.REDIS_URL ?? DEFAULT_REDIS_URL): Promise<number> {
  if (!prefix.startsWith('test')) throw new Error(`Refusing to delete keys for a non-test prefix: ${prefix}`);
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    return await deleteKeysMatching(redis, `${prefix}:*`);
  } finally {
    redis.disconnect();
  }
}
