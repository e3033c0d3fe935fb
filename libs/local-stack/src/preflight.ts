import { createConnection } from 'mysql2/promise';
import { Redis } from 'ioredis';
import { DEFAULT_MYSQL_URL, parseMysqlUrl } from '@polyplus/persistence';
import { DEFAULT_REDIS_URL } from '@polyplus/events';

const HOW_TO_START = `Start it with one of:
  docker compose up -d mysql redis                  (containers from docker-compose.yml)
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd     (local MariaDB)
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no   (local Redis)`;

/** Fails with a message naming the service, the URL and how to start it, before anything else runs. */
export async function checkDependencies(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const mysqlUrl = env.MYSQL_URL ?? DEFAULT_MYSQL_URL;
  const redisUrl = env.REDIS_URL ?? DEFAULT_REDIS_URL;
  const problems: string[] = [];
  try {
    const server = parseMysqlUrl(mysqlUrl);
    const connection = await createConnection({
      host: server.host,
      port: server.port,
      user: server.username,
      password: server.password,
      connectTimeout: 3_000,
    });
    await connection.end();
  } catch (error) {
    problems.push(`MySQL is not reachable at ${mysqlUrl} (MYSQL_URL): ${(error as Error).message}`);
  }
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    problems.push(`Redis is not reachable at ${redisUrl} (REDIS_URL): ${(error as Error).message}`);
  } finally {
    redis.disconnect();
  }
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\n${HOW_TO_START}`);
}
