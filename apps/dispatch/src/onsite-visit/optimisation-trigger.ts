import { serviceLogger } from '@polyplus/logger';
import { Queue } from 'bullmq';
import {
  createRedis,
  type RedisConnection,
  DISPATCH_OPTIMISATION_QUEUE,
  enqueueRegionOptimisation,
  queuePrefix,
  type OptimiseRegionJob,
} from '@polyplus/events';

/**
 * How long a region waits after its last event before it is re-planned: long enough to fold a burst
 * (a carrier exception touching many parts) into one run, short enough that an ETA change reaches a
 * committed plan within seconds.
 */
export const REPLAN_DEBOUNCE_MS = 500;

/** Asks the scheduler to re-plan a region; the queue connection opens on first use. */
export class OptimisationTrigger {
  private redis?: RedisConnection;
  private queue?: Queue<OptimiseRegionJob>;

  constructor(
    private readonly prefix = queuePrefix(),
    private readonly debounceMs = REPLAN_DEBOUNCE_MS,
  ) {}

  async request(job: OptimiseRegionJob): Promise<void> {
    if (!this.queue) {
      this.redis = createRedis('producer');
      this.queue = new Queue<OptimiseRegionJob>(DISPATCH_OPTIMISATION_QUEUE, { connection: this.redis, prefix: this.prefix });
    }
    await enqueueRegionOptimisation(this.queue, job, this.debounceMs);
  }

  /** The change is committed either way; a missed trigger is caught up by the next event in the region. */
  requestQuietly(region: string, reason: string): Promise<void> {
    return this.request({ region, reason }).catch((error: Error) => {
      serviceLogger('optimisation-trigger').error({ err: error, region }, 'could not enqueue optimisation');
    });
  }

  async close(): Promise<void> {
    await this.queue?.close();
    this.redis?.disconnect();
  }
}
