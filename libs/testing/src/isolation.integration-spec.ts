import { createConnection } from 'mysql2/promise';
import { Redis } from 'ioredis';
import { parseMysqlUrl } from '@polyplus/persistence';
import { deleteRedisKeys, dropDatabasesWithPrefix, uniqueTestPrefix } from './isolation';

describe('test isolation helpers', () => {
  it('drop exactly the databases a suite created under its prefix', async () => {
    const prefix = uniqueTestPrefix('isolation');
    const server = parseMysqlUrl();
    const connection = await createConnection({ host: server.host, port: server.port, user: server.username, password: server.password });
    await connection.query(`CREATE DATABASE \`${prefix}a\``);
    await connection.query(`CREATE DATABASE \`${prefix}b\``);
    await connection.end();
    expect((await dropDatabasesWithPrefix(prefix)).sort()).toEqual([`${prefix}a`, `${prefix}b`]);
    expect(await dropDatabasesWithPrefix(prefix)).toEqual([]);
  });

  it('refuse to drop databases of a prefix that is not a test prefix', async () => {
    await expect(dropDatabasesWithPrefix('polyplus_')).rejects.toThrow(/non-test prefix/);
  });

  it('delete only the queue keys under the suite prefix', async () => {
    const prefix = uniqueTestPrefix('keys');
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    await redis.set(`${prefix}:q:1`, 'x');
    await redis.set(`${prefix}-other:q:1`, 'y');
    expect(await deleteRedisKeys(prefix)).toBe(1);
    expect(await redis.exists(`${prefix}-other:q:1`)).toBe(1);
    await redis.del(`${prefix}-other:q:1`);
    redis.disconnect();
  });
});
