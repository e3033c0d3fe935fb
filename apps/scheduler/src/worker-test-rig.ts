import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { databaseName, dropDatabase, openDatabase } from '@polyplus/persistence';
import { createRedis, DISPATCH_OPTIMISATION_QUEUE, type OptimiseRegionJob, type RedisConnection } from '@polyplus/events';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS } from '@polyplus/dispatch-data';

/**
 * What a test of scheduler workers stands on: the dispatch database a worker process started with
 * `workerEnv` opens, the optimisation queue as a producer sees it, and a Redis connection for workers
 * started in the test's own process.
 */
export type WorkerTestRig = {
  dataSource: DataSource;
  queue: Queue<OptimiseRegionJob>;
  queuePrefix: string;
  workerRedis: RedisConnection;
  /** The environment of a worker process on this database, queue and Redis. */
  workerEnv: NodeJS.ProcessEnv;
  close(): Promise<void>;
};

/** `redisEnv` names another Redis than the default one (e.g. `REDIS_CLUSTER_NODES`), for the test and its worker processes. */
export async function openWorkerTestRig(databasePrefix: string, queuePrefix: string, redisEnv?: NodeJS.ProcessEnv): Promise<WorkerTestRig> {
  const producer = createRedis('producer', redisEnv);
  const workerRedis = createRedis('worker', redisEnv);
  const queue = new Queue<OptimiseRegionJob>(DISPATCH_OPTIMISATION_QUEUE, { connection: producer, prefix: queuePrefix });
  const database = databaseName('dispatch', databasePrefix);
  const dataSource = await openDatabase({ database, entities: DISPATCH_ENTITIES, migrations: DISPATCH_MIGRATIONS });
  return {
    dataSource,
    queue,
    queuePrefix,
    workerRedis,
    workerEnv: { MYSQL_DATABASE_PREFIX: databasePrefix, QUEUE_PREFIX: queuePrefix, ...redisEnv },
    async close() {
      await queue.obliterate({ force: true });
      await queue.close();
      producer.disconnect();
      workerRedis.disconnect();
      await dataSource.destroy();
      await dropDatabase(database);
    },
  };
}
