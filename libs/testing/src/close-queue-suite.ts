import type { Queue } from 'bullmq';
import type { RedisConnection } from '@polyplus/events';
import type { TestDatabase } from '@polyplus/persistence';
import { deleteRedisKeys } from './isolation';

/**
 * Ends a suite that ran a BullMQ queue: its jobs removed, the queue closed, the suite's Redis keys
 * deleted when it names their prefix, its Redis connection closed and its database dropped.
 */
export async function closeQueueSuite(
  queue: Pick<Queue, 'obliterate' | 'close'>,
  redis: RedisConnection,
  db: TestDatabase | undefined,
  keyPrefix?: string,
): Promise<void> {
  await queue.obliterate({ force: true });
  await queue.close();
  if (keyPrefix) await deleteRedisKeys(keyPrefix);
  redis.disconnect();
  await db?.drop();
}
