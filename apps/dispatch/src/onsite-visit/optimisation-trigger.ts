import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  createRedis,
  DISPATCH_OPTIMISATION_QUEUE,
  enqueueRegionOptimisation,
  queuePrefix,
  type OptimiseRegionJob,
} from '@polyplus/events';

/** Asks the scheduler to re-plan a region; the queue connection opens on first use. */
export class OptimisationTrigger {
  private redis?: Redis;
  private queue?: Queue<OptimiseRegionJob>;

  async request(job: OptimiseRegionJob): Promise<void> {
    if (!this.queue) {
      this.redis = createRedis('producer');
      this.queue = new Queue<OptimiseRegionJob>(DISPATCH_OPTIMISATION_QUEUE, { connection: this.redis, prefix: queuePrefix() });
    }
    await enqueueRegionOptimisation(this.queue, job);
  }

  async close(): Promise<void> {
    await this.queue?.close();
    this.redis?.disconnect();
  }
}
