import type { Queue } from 'bullmq';
import type { RedisConnection } from '@polyplus/events';
import type { TestDatabase } from '@polyplus/persistence';

/** Ends a suite that armed escalation timers: its jobs removed, the queue and Redis connection closed, its database dropped. */
export async function closeQueueSuite(
  queue: Pick<Queue, 'obliterate' | 'close'>,
  redis: RedisConnection,
  db: TestDatabase | undefined,
): Promise<void> {
  await queue.obliterate({ force: true });
  await queue.close();
  redis.disconnect();
  await db?.drop();
}
