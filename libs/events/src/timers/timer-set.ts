import { isDeepStrictEqual } from 'node:util';
import type { Job, Queue } from 'bullmq';
import { withTraceparent } from '@polyplus/telemetry';

/** How the timers of one kind are kept: their job ids, name and what a failed run gets. */
export type TimerSetOptions = {
  /** Job ids are `<kind>-<key>`: one timer per key, so arming again moves it instead of adding one. */
  kind: string;
  /** The BullMQ job name (what the queue dashboard shows). */
  jobName: string;
  /** Runs of a timer whose handler throws, with exponential backoff from `backoffMs`. */
  attempts: number;
  backoffMs: number;
  /** How many timers that gave up are kept to look at. */
  keepFailed: number;
};

/** A timer to arm: `dueAt` on the service's clock, or null to take a waiting timer off (a paused clock). */
export type TimerArming<T> = { key: string; dueAt: Date | null; data: T };

/** BullMQ ids may not contain ':'. */
export function timerJobId(kind: string, key: string): string {
  return `${kind}-${key}`;
}

/** Swallows the race of a job turning active between reading and changing it: the running job re-checks itself. */
const tolerate = (work: Promise<unknown>) => work.catch(() => undefined);

const sameData = <T extends object>(stored: T, data: T) =>
  Object.entries(data).every(([field, value]) => isDeepStrictEqual((stored as Record<string, unknown>)[field], value));

/**
 * Durable timers of one kind on a BullMQ queue: delayed jobs in Redis, one per key. The due instant
 * is on the service's clock (which a test clock may move); BullMQ counts delays in real time, so
 * each arming sets the delay that is left now.
 */
export class TimerSet<T extends object> {
  constructor(
    private readonly queue: Queue<T>,
    private readonly options: TimerSetOptions,
  ) {}

  jobId(key: string): string {
    return timerJobId(this.options.kind, key);
  }

  /**
   * Brings the key's timer in line with `dueAt`: a new timer is added, a waiting one is moved to
   * the delay left at `now` (and takes the new data), one that finished or gave up is armed again,
   * one running or about to run is left alone (its handler re-checks). A null `dueAt` takes a
   * waiting timer off.
   */
  async arm(key: string, dueAt: Date | null, data: T, now: Date): Promise<void> {
    const jobId = this.jobId(key);
    const existing: Job<T> | undefined = await this.queue.getJob(jobId);
    const state = existing ? await existing.getState() : 'missing';
    if (dueAt === null) {
      if (existing && state === 'delayed') await tolerate(existing.remove());
      return;
    }
    const delay = Math.max(0, dueAt.getTime() - now.getTime());
    if (existing && state === 'delayed') {
      const moved = existing.changeDelay(delay);
      await tolerate(
        sameData(existing.data, data) ? moved : moved.then(() => existing.updateData({ ...existing.data, ...withTraceparent(data) })),
      );
      return;
    }
    if (existing && (state === 'completed' || state === 'failed')) await tolerate(existing.remove());
    else if (existing) return;
    // The timer joins the trace of the change that armed it.
    // BullMQ types name and data by conditionals on T, which TypeScript cannot resolve for a generic T.
    await this.queue.add(this.options.jobName as never, withTraceparent(data) as never, {
      jobId,
      delay,
      attempts: this.options.attempts,
      backoff: { type: 'exponential', delay: this.options.backoffMs },
      // A finished timer frees its id, so the key can be armed again.
      removeOnComplete: true,
      removeOnFail: this.options.keepFailed,
    });
  }

  /** Takes the key's timer off unless it is running (a running handler re-checks for itself). */
  async disarm(key: string): Promise<void> {
    await this.queue.remove(this.jobId(key));
  }

  /** Arms each timer against `now`: Redis may have lost some, and a moved test clock needs the delays recomputed. */
  async rearm(timers: Iterable<TimerArming<T>>, now: Date): Promise<void> {
    for (const timer of timers) await this.arm(timer.key, timer.dueAt, timer.data, now);
  }
}
