import 'reflect-metadata';
import { loadConfigOrExit, schedulerSchema } from '@polyplus/config';
import { databaseName, mysqlServerFor, openDatabase } from '@polyplus/persistence';
import { createRedis, queuePrefix, redisTarget, waitForRedis } from '@polyplus/events';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS } from '@polyplus/dispatch-data';
import { assertTransportSecurity, mysqlHop, redisHop, stopOnSignals, transportSecurityFromEnv } from '@polyplus/subgraph-kit';
import { startTracing } from '@polyplus/telemetry';
import { logStartFailure, startServiceLogger } from '@polyplus/logger';
import { startSchedulerWorker } from './scheduler-worker';
import { schedulerHealthPort, schedulerOptionsFromEnv } from './scheduler-config';
import { startHealthServer, type HealthServer } from './health-server';
import { useMetricsService } from '@polyplus/metrics';

async function main(): Promise<() => Promise<void>> {
  const log = startServiceLogger('scheduler');
  useMetricsService('scheduler');
  // First: the database hooks its spans in only when tracing is on at its start.
  await startTracing('scheduler');
  const options = schedulerOptionsFromEnv();
  const healthPort = schedulerHealthPort();
  // The dispatch database, wherever `DISPATCH_MYSQL_URL` (or the shared `MYSQL_URL`) puts it.
  const mysql = mysqlServerFor('dispatch');
  assertTransportSecurity(
    transportSecurityFromEnv(),
    [mysqlHop(config.DISPATCH_MYSQL_URL ? 'DISPATCH_MYSQL_URL' : 'MYSQL_URL', mysql), redisHop(redisTarget())],
    'the scheduler',
  );
  const dataSource = await openDatabase({
    database: databaseName('dispatch'),
    server: mysql,
    entities: DISPATCH_ENTITIES,
    migrations: DISPATCH_MIGRATIONS,
  });
  const redis = createRedis('worker');
  await waitForRedis(redis);
  const scheduler = await startSchedulerWorker(dataSource, redis, queuePrefix(), options);
  let health: HealthServer | undefined;
  if (healthPort !== undefined) {
    health = await startHealthServer(
      healthPort,
      async () => ({
        mysql: await dataSource.query('SELECT 1').then(
          () => 'up' as const,
          () => 'down' as const,
        ),
        redis: redis.status === 'ready' ? 'up' : 'down',
        worker: scheduler.worker.isRunning() ? 'up' : 'down',
      }),
      config.HOST ?? '0.0.0.0',
    );
    log.info(`scheduler health at http://127.0.0.1:${health.port}/health`);
  }
  log.info('scheduler worker ready on queue dispatch-optimisation');
  return async () => {
    await health?.close();
    await scheduler.close();
    redis.disconnect();
    await dataSource.destroy();
  };
}

// The whole environment, validated before anything connects: a bad value stops here, in one line.
const config = loadConfigOrExit(schedulerSchema);

main().then(
  (stop) => stopOnSignals(stop, 15_000),
  (error) => {
    logStartFailure(error);
    process.exit(1);
  },
);
