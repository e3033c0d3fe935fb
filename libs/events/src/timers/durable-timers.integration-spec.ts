import { randomUUID } from 'node:crypto';
import { until } from '@polyplus/polling';
import { deleteKeysMatching } from '../delete-keys';
import { ESCALATION_QUEUE } from '../queue-names';
import { createRedis, DEFAULT_REDIS_URL } from '../redis';
import { DurableTimers, type DurableTimersOptions } from './durable-timers';
import type { TimerArming } from './timer-set';

type Reminder = { subject: string; waited?: boolean };

describe('durable timers: arm, run at the due instant, re-arm, close', () => {
  const suite = `test-durable-timers-${randomUUID()}`;
  const redis = createRedis('worker', DEFAULT_REDIS_URL);
  const started: DurableTimers<Reminder>[] = [];
  let count = 0;
  let clock = new Date('2026-03-02T09:00:00Z');
  const later = (ms: number) => new Date(clock.getTime() + ms);

  /** Timers on a listed queue under a prefix of the test's own, so no test sees another's jobs. */
  async function start(options: Partial<DurableTimersOptions<Reminder>> & Pick<DurableTimersOptions<Reminder>, 'handle'>) {
    const timers = new DurableTimers<Reminder>({
      queue: ESCALATION_QUEUE,
      kind: 'reminder',
      jobName: 'remind',
      attempts: 3,
      backoffMs: 50,
      keepFailed: 10,
      prefix: `${suite}-${count++}`,
      now: () => clock,
      pending: async () => [],
      sweep: { name: 'reminders', everyMs: 60 * 60_000 },
      logName: 'reminders',
      ...options,
    });
    started.push(timers);
    await timers.start();
    return timers;
  }

  afterEach(async () => {
    await Promise.all(started.splice(0).map((timers) => timers.close(1_000)));
  }, 60_000);

  afterAll(async () => {
    await deleteKeysMatching(redis, `${suite}-*`);
    redis.disconnect();
  }, 60_000);

  it('a timer runs its handler once its due instant comes, and its key can be armed again after', async () => {
    const runs: string[] = [];
    const timers = await start({ handle: async ({ subject }) => void runs.push(subject) });
    await timers.arm('a', later(200), { subject: 'a' });
    await until(() => runs.length === 1, 'the timer to run');
    await timers.arm('a', later(0), { subject: 'a again' });
    await until(() => runs.length === 2, 'the timer armed again to run');
    expect(runs).toEqual(['a', 'a again']);
  });

  it('a disarmed timer never runs', async () => {
    const runs: string[] = [];
    const timers = await start({ handle: async ({ subject }) => void runs.push(subject) });
    await timers.arm('off', later(500), { subject: 'off' });
    await timers.disarm('off');
    await timers.arm('on', later(800), { subject: 'on' });
    await until(() => runs.length > 0, 'the armed timer to run');
    expect(runs).toEqual(['on']);
  });

  it('a handler that throws is tried again up to its attempts; a timer that gave up is armed again', async () => {
    let tries = 0;
    const failures: string[] = [];
    const timers = await start({
      attempts: 2,
      handle: async () => {
        tries++;
        throw new Error('not yet');
      },
      onFailed: (error, data) => failures.push(`${data?.subject}: ${error.message}`),
    });
    await timers.arm('b', later(0), { subject: 'b' });
    await until(() => failures.length === 2, 'both tries to fail');
    expect(tries).toBe(2);
    expect(failures).toEqual(['b: not yet', 'b: not yet']);

    await timers.arm('b', later(0), { subject: 'b' });
    await until(() => tries === 4, 'the timer armed again to be tried twice more');
  });

  it('a timer that fired before its due instant on the service’s clock waits for the time left, without a failed try', async () => {
    const runs: Reminder[] = [];
    const failures: Error[] = [];
    const timers = await start({
      attempts: 1,
      handle: async (reminder, run) => {
        runs.push(reminder);
        if (!reminder.waited) return run.waitMore(300, { ...reminder, waited: true });
        return 'done';
      },
      onFailed: (error) => failures.push(error),
    });
    await timers.arm('c', later(0), { subject: 'c' });
    await until(() => runs.length === 2, 'the timer to run again after waiting');
    expect(runs).toEqual([{ subject: 'c' }, { subject: 'c', waited: true }]);
    expect(failures).toEqual([]);
  });

  it('at start every pending timer is armed from the database; when the clock moves, re-arming brings them due', async () => {
    const runs: string[] = [];
    clock = new Date('2026-03-02T09:00:00Z');
    const database: TimerArming<Reminder>[] = ['d1', 'd2'].map((key) => ({
      key,
      dueAt: new Date('2026-03-02T10:00:00Z'),
      data: { subject: key },
    }));
    const timers = await start({ pending: async () => database, handle: async ({ subject }) => void runs.push(subject) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runs).toEqual([]); // an hour to go on the service's clock

    clock = new Date('2026-03-02T10:00:00Z'); // a test clock moved forward
    await timers.rearm();
    await until(() => runs.length === 2, 'both timers to run');
    expect(runs.sort()).toEqual(['d1', 'd2']);
  });

  it('arming before start is refused, and close lets a running timer finish first', async () => {
    const idle = new DurableTimers<Reminder>({
      queue: ESCALATION_QUEUE,
      kind: 'reminder',
      jobName: 'remind',
      attempts: 1,
      backoffMs: 50,
      keepFailed: 10,
      pending: async () => [],
      handle: async () => undefined,
      sweep: { name: 'reminders', everyMs: 60_000 },
      logName: 'reminders',
    });
    await expect(idle.arm('x', clock, { subject: 'x' })).rejects.toThrow(/not started/);
    expect(() => idle.queue).toThrow(/not started/);
    await idle.close();

    const progress: string[] = [];
    const timers = await start({
      handle: async () => {
        progress.push('started');
        await new Promise((resolve) => setTimeout(resolve, 300));
        progress.push('finished');
      },
    });
    await timers.arm('busy', later(0), { subject: 'busy' });
    await until(() => progress.length > 0, 'the handler to start');
    await timers.close(10_000);
    expect(progress).toEqual(['started', 'finished']);
  });
});
