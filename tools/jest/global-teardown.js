// Sweeps what this jest run's suites left behind — databases named `test_<marker>_…` and Redis keys
// under `test_<marker>_…` prefixes — when a set-up failed or timed out before its own teardown could
// drop them. Only this run's marker is matched: another run on the same servers keeps everything.
const { createConnection } = require('mysql2/promise');
const { Redis } = require('ioredis');

const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

async function sweepDatabases(marker) {
  const url = new URL(process.env.MYSQL_URL || DEFAULT_MYSQL_URL);
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password || ''),
    connectTimeout: 3_000,
  });
  try {
    const [rows] = await connection.query('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?', [
      `test\\_${marker}\\_%`,
    ]);
    for (const { name } of rows) await connection.query(`DROP DATABASE \`${name}\``);
    return rows.map((row) => row.name);
  } finally {
    await connection.end();
  }
}

async function sweepRedisKeys(marker) {
  const redis = new Redis(process.env.REDIS_URL || DEFAULT_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  let deleted = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      // Prefixes are `test_<marker>_…` (databases' style) or hash-tagged `{test_<marker>_…}`.
      const [next, keys] = await redis.scan(cursor, 'MATCH', `*test_${marker}_*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

module.exports = async function globalTeardown() {
  const marker = process.env.POLYPLUS_TEST_RUN;
  if (!marker || !/^r[0-9a-f]{6}$/.test(marker)) return;
  // A project whose tests need neither server may run where neither is up: nothing to sweep then.
  const [databases, keys] = await Promise.all([sweepDatabases(marker).catch(() => []), sweepRedisKeys(marker).catch(() => 0)]);
  if (databases.length > 0 || keys > 0) {
    console.log(
      `\nSwept what a failed set-up left in run ${marker}: ${databases.length} database(s)${databases.length ? ` (${databases.join(', ')})` : ''}, ${keys} Redis key(s)`,
    );
  }
};
