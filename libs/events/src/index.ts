export { DEFAULT_REDIS_URL, createRedis, assertNoEviction, waitForRedis, type RedisRole } from './redis';
export { queuePrefix, DISPATCH_OPTIMISATION_QUEUE, OPTIMISE_REGION, enqueueRegionOptimisation, type OptimiseRegionJob } from './queues';
