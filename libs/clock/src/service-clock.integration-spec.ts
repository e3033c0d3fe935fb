import { randomUUID } from 'node:crypto';
import { createRedis, deleteKeysMatching } from '@polyplus/events';
import { createServiceClock, testClockKeys, type ServiceClock } from './service-clock';
import { configureTestClock } from './configure-test-clock';
import { TestClockError } from './test-clock-state';

describe('the stack’s shared test clock (Redis)', () => {
  const prefix = `test-clock-${randomUUID()}`;
  const redis = createRedis('worker');
  const clocks: ServiceClock[] = [];
  const process = async (options: { prefix?: string; refreshMs?: number } = {}) => {
    const clock = createServiceClock({ prefix, env: { NODE_ENV: 'test' }, ...options });
    await clock.start();
    clocks.push(clock);
    return clock;
  };

  afterAll(async () => {
    await Promise.all(clocks.map((clock) => clock.close()));
    await deleteKeysMatching(redis, `${prefix}*`);
    redis.disconnect();
  }, 60_000);

  it('a change made in one process is applied by every process of the stack before it answers', async () => {
    const [incidents, logistics, scheduler] = [await process(), await process(), await process()];
    const result = await incidents.set({ frozenAt: new Date('2027-03-05T15:01:00Z') }, 'SUPPORT_ENGINEER:jane');
    expect(result).toMatchObject({ listening: 3, applied: 3 });
    for (const clock of [incidents, logistics, scheduler]) expect(clock.now().toISOString()).toBe('2027-03-05T15:01:00.000Z');

    await logistics.set({ offsetMinutes: 24 * 60 }, 'SUPPORT_ENGINEER:jane');
    const tomorrow = Date.now() + 86_400_000;
    for (const clock of [incidents, logistics, scheduler]) expect(Math.abs(clock.now().getTime() - tomorrow)).toBeLessThan(5_000);

    await scheduler.reset('SUPPORT_ENGINEER:jane');
    for (const clock of [incidents, logistics, scheduler]) expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it('each stack has its own clock: a change under one queue prefix leaves another stack alone', async () => {
    const mine = await process();
    const other = await process({ prefix: `${prefix}-other` });
    await mine.set({ frozenAt: new Date('2030-01-01T00:00:00Z') }, 'SUPPORT_ENGINEER:jane');
    expect(Math.abs(other.now().getTime() - Date.now())).toBeLessThan(1_000);
    await mine.reset('SUPPORT_ENGINEER:jane');
  });

  it('a process that missed the change message picks the change up on its next refresh', async () => {
    const late = await process({ refreshMs: 100 });
    // Written without a message, as if the message had been lost while the process reconnected.
    await redis.set(
      testClockKeys(prefix).state,
      JSON.stringify({ mode: 'FROZEN', frozenAt: Date.parse('2031-06-01T09:00:00Z'), offsetMs: 0, version: 999 }),
    );
    for (let attempt = 0; attempt < 50 && late.now().getUTCFullYear() !== 2031; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(late.now().toISOString()).toBe('2031-06-01T09:00:00.000Z');
    await late.reset('SUPPORT_ENGINEER:jane');
  });

  it('listeners hear each change once it is applied (timers re-evaluate against the new now)', async () => {
    const clock = await process();
    const heard: string[] = [];
    clock.onChange((state) => heard.push(state.mode));
    await clock.set({ offsetMinutes: 60 }, 'SUPPORT_ENGINEER:jane');
    await clock.reset('SUPPORT_ENGINEER:jane');
    expect(heard).toEqual(['OFFSET', 'SYSTEM']);
  });

  it('a stack starts with the configured clock, or system time when none is configured', async () => {
    const clock = await process();
    await configureTestClock({ prefix, env: { NODE_ENV: 'test', TEST_CLOCK_FROZEN_AT: '2027-03-05T15:01:00Z' } });
    expect(clock.now().toISOString()).toBe('2027-03-05T15:01:00.000Z');
    await configureTestClock({ prefix, env: { NODE_ENV: 'test' } });
    expect(clock.state().mode).toBe('SYSTEM');
  });

  it('in production the clock is the system clock: nothing connects, and a change is refused', async () => {
    const production = createServiceClock({ prefix, env: { NODE_ENV: 'production' } });
    await production.start();
    expect(production.testable).toBe(false);
    await expect(production.set({ offsetMinutes: 5 }, 'SUPPORT_ENGINEER:jane')).rejects.toMatchObject({ code: 'DISABLED' });
    await expect(production.reset('SUPPORT_ENGINEER:jane')).rejects.toBeInstanceOf(TestClockError);
    expect(await configureTestClock({ prefix, env: { NODE_ENV: 'production', TEST_CLOCK_OFFSET_MINUTES: '60' } })).toBeNull();
  });
});
