import { DEFAULT_RETRY_SCHEDULE, hasAttemptsLeft, retryDelayMs, type RetrySchedule } from './retry-schedule';

const schedule: RetrySchedule = { baseMs: 1_000, factor: 2, maxMs: 10_000, jitter: 0.5, maxAttempts: 4 };
const noJitter = () => 0;

describe('webhook retry schedule', () => {
  it('retry delays grow exponentially from the base delay', () => {
    expect([1, 2, 3, 4].map((failed) => retryDelayMs(failed, schedule, noJitter))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('retry delays are capped at the maximum', () => {
    expect(retryDelayMs(10, schedule, noJitter)).toBe(10_000);
    expect(retryDelayMs(1_000, schedule, noJitter)).toBe(10_000);
  });

  it('jitter takes off at most its share of the delay, never more', () => {
    expect(retryDelayMs(3, schedule, () => 0.999999)).toBe(2_000);
    expect(retryDelayMs(3, schedule, () => 0.5)).toBe(3_000);
    for (let i = 0; i < 100; i++) {
      const delay = retryDelayMs(3, schedule);
      expect(delay).toBeGreaterThanOrEqual(2_000);
      expect(delay).toBeLessThanOrEqual(4_000);
    }
  });

  it('a delivery gets no attempt beyond the maximum', () => {
    expect([1, 2, 3, 4].map((failed) => hasAttemptsLeft(failed, schedule))).toEqual([true, true, true, false]);
  });

  it('the default schedule spreads ten attempts over more than half a day', () => {
    const total = Array.from({ length: DEFAULT_RETRY_SCHEDULE.maxAttempts - 1 }, (_, i) =>
      retryDelayMs(i + 1, DEFAULT_RETRY_SCHEDULE, noJitter),
    ).reduce((a, b) => a + b, 0);
    expect(total / 3600_000).toBeGreaterThan(12);
    expect(total / 3600_000).toBeLessThan(30);
  });
});
