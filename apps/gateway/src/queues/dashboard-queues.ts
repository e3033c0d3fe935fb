import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { createRedis, PRODUCT_QUEUES, queuePrefix } from '@polyplus/events';
import { createBoard, type Board } from './dashboard-boards';
import type { DashboardAccess } from './dashboard-access';

/** How long a request waits for Redis before the dashboard says it is unreachable. */
const READY_WAIT_MS = 2_000;

type Opened = {
  redis: ReturnType<typeof createRedis>;
  queues: { queue: Queue; description: string }[];
  boards: Record<DashboardAccess, Board>;
};

/**
 * The product's queues (no workers: the dashboard only looks and operates) and the two boards over
 * them, opened on the dashboard's first use: a gateway nobody opens the dashboard on holds no
 * queue connections.
 */
export function dashboardQueues(env: NodeJS.ProcessEnv, basePath: string) {
  let opened: Opened | undefined;

  function open(): Opened {
    if (opened) return opened;
    const redis = createRedis('producer', env);
    // The gateway keeps serving while Redis is down; the dashboard answers 503 until it is back.
    redis.on('error', () => undefined);
    const prefix = queuePrefix(env);
    const queues = PRODUCT_QUEUES.map(({ name, description }) => {
      const queue = new Queue(name, { connection: redis, prefix });
      queue.on('error', () => undefined);
      return { queue, description };
    });
    opened = { redis, queues, boards: { operate: createBoard(queues, 'operate', basePath), read: createBoard(queues, 'read', basePath) } };
    return opened;
  }

  return {
    /** The board for that access, and whether Redis answers (waiting a moment for a new connection). */
    async board(access: DashboardAccess): Promise<{ board: Board; ready: boolean }> {
      const { redis, boards } = open();
      if (redis.status !== 'ready') await Promise.race([once(redis, 'ready'), sleep(READY_WAIT_MS)]).catch(() => undefined);
      return { board: boards[access], ready: redis.status === 'ready' };
    },
    async close(): Promise<void> {
      if (!opened) return;
      const { redis, queues } = opened;
      // The connection goes first, so that each queue's start-up settles while its error listener is
      // still there: a queue closed mid start-up drops its listeners and its late failure would be unhandled.
      // (A start-up that never settles cannot fail later either: the wait is bounded.)
      redis.disconnect();
      await Promise.race([Promise.all(queues.map(({ queue }) => queue.waitUntilReady().catch(() => undefined))), sleep(READY_WAIT_MS)]);
      await Promise.all(queues.map(({ queue }) => queue.close().catch(() => undefined)));
    },
  };
}
