import 'reflect-metadata';
import { databaseName, openDatabase } from '@polyplus/persistence';
import { createRedis, queuePrefix, waitForRedis } from '@polyplus/events';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS } from '@polyplus/dispatch-data';
import { stopOnSignals } from '@polyplus/subgraph-kit';
import { startSchedulerWorker } from './scheduler-worker';
import { schedulerOptionsFromEnv } from './scheduler-config';

async function main(): Promise<() => Promise<void>> {
  const options = schedulerOptionsFromEnv();
  const dataSource = await openDatabase({ database: databaseName('dispatch'), entities: DISPATCH_ENTITIES, migrations: DISPATCH_MIGRATIONS });
  const redis = createRedis('worker');
  await waitForRedis(redis);
  const scheduler = await startSchedulerWorker(dataSource, redis, queuePrefix(), options);
  console.log('scheduler worker ready on queue dispatch-optimisation');
  return async () => {
    await scheduler.close();
    redis.disconnect();
    await dataSource.destroy();
  };
}

main().then((stop) => stopOnSignals(stop, 15_000), (error) => {
  console.error(error);
  process.exit(1);
});
