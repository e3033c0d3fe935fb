import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { deleteKeysMatching } from '../delete-keys';
import { RETURN_DEADLINE_QUEUE } from '../queue-names';
import { createRedis, DEFAULT_REDIS_URL } from '../redis';
import { openTimerQueue } from './timer-queues';
import { TimerSet, timerJobId, type TimerSetOptions } from './timer-set';

type Reminder = { subject: string; dueAt?: string };

const OPTIONS: TimerSetOptions = { kind: 'reminder', jobName: 'remind', attempts: 3, backoffMs: 1_000, keepFailed: 10 };
const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);

describe('a set of durable timers on a queue', () => {
  const prefix = `test-timer-set-${randomUUID()}`;
  const redis = createRedis('worker', DEFAULT_REDIS_URL);
  // A listed queue name under the suite's own prefix: no worker runs here, so the timers stay put.
  const queue: Queue<Reminder> = openTimerQueue<Reminder>(RETURN_DEADLINE_QUEUE, { connection: redis, prefix });
  const timers = new TimerSet<Reminder>(queue, OPTIONS);
  const now = at('2026-03-02T09:00:00Z');

  afterAll(async () => {
    await queue.close();
    await deleteKeysMatching(redis, `${prefix}:*`);
    redis.disconnect();
  }, 60_000);

  it('a timer is a delayed job with one id per kind and key, due the time left on the service’s clock', async () => {
    await timers.arm('a', at('2026-03-02T09:30:00Z'), { subject: 'a' }, now);
    const job = await queue.getJob(timerJobId('reminder', 'a'));
    expect(job?.id).toBe('reminder-a');
    expect(job?.name).toBe('remind');
    expect(await job?.getState()).toBe('delayed');
    expect(job?.delay).toBe(30 * MINUTE);
    expect(job?.data).toEqual({ subject: 'a' });
    expect(job?.opts).toMatchObject({ attempts: 3, backoff: { type: 'exponential', delay: 1_000 } });
  });

  it('arming a key again moves its one timer and takes the new data', async () => {
    await timers.arm('b', at('2026-03-02T10:00:00Z'), { subject: 'b', dueAt: '10:00' }, now);
    await timers.arm('b', at('2026-03-02T09:10:00Z'), { subject: 'b', dueAt: '09:10' }, now);
    const job = await queue.getJob(timers.jobId('b'));
    expect(job?.delay).toBe(10 * MINUTE);
    expect(job?.data).toEqual({ subject: 'b', dueAt: '09:10' });
    expect((await queue.getDelayed()).filter((delayed) => delayed.id === timers.jobId('b'))).toHaveLength(1);
  });

  it('when the clock moves, arming with the same due instant recomputes the delay left', async () => {
    const dueAt = at('2026-03-02T12:00:00Z');
    await timers.arm('c', dueAt, { subject: 'c' }, now);
    await timers.arm('c', dueAt, { subject: 'c' }, at('2026-03-02T11:00:00Z'));
    expect((await queue.getJob(timers.jobId('c')))?.delay).toBe(60 * MINUTE);
  });

  it('a due instant already past arms the timer to run at once', async () => {
    await timers.arm('d', at('2026-03-01T09:00:00Z'), { subject: 'd' }, now);
    expect((await queue.getJob(timers.jobId('d')))?.delay).toBe(0);
  });

  it('no due instant (a paused clock) takes a waiting timer off; disarm takes it off too', async () => {
    await timers.arm('e', at('2026-03-02T10:00:00Z'), { subject: 'e' }, now);
    await timers.arm('e', null, { subject: 'e' }, now);
    expect(await queue.getJob(timers.jobId('e'))).toBeUndefined();

    await timers.arm('f', at('2026-03-02T10:00:00Z'), { subject: 'f' }, now);
    await timers.disarm('f');
    expect(await queue.getJob(timers.jobId('f'))).toBeUndefined();
    await timers.disarm('never-armed');
  });

  it('re-arming many timers arms each against the given instant, and a re-arm of the same list changes nothing', async () => {
    const list = ['h1', 'h2', 'h3'].map((key) => ({ key, dueAt: at('2026-03-02T09:05:00Z'), data: { subject: key } }));
    await timers.rearm(list, now);
    await timers.rearm(list, now);
    const jobs = await Promise.all(list.map(({ key }) => queue.getJob(timers.jobId(key))));
    expect(jobs.map((job) => [job?.id, job?.delay])).toEqual([
      ['reminder-h1', 5 * MINUTE],
      ['reminder-h2', 5 * MINUTE],
      ['reminder-h3', 5 * MINUTE],
    ]);
    expect((await queue.getDelayed()).filter((job) => job.id?.startsWith('reminder-h'))).toHaveLength(3);
  });
});
