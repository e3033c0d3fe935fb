import { schedulerHealthPort, schedulerOptionsFromEnv } from './scheduler-config';

describe('scheduler configuration', () => {
  it('leaves BullMQ’s lock and stalled-check defaults alone when nothing is set', () => {
    expect(schedulerOptionsFromEnv({})).toEqual({});
  });

  it('reads the lock, stalled-check interval and optimiser budget in milliseconds', () => {
    expect(
      schedulerOptionsFromEnv({ SCHEDULER_LOCK_MS: '2000', SCHEDULER_STALLED_INTERVAL_MS: '500', SCHEDULER_OPTIMISER_MS: '3000' }),
    ).toEqual({ lockDurationMs: 2_000, stalledIntervalMs: 500, timeLimitMs: 3_000 });
  });

  it('refuses to start with a lock that is not a positive whole number of milliseconds', () => {
    for (const value of ['0', '-5', '2s', '1.5']) {
      expect(() => schedulerOptionsFromEnv({ SCHEDULER_LOCK_MS: value })).toThrow(/SCHEDULER_LOCK_MS/);
    }
  });

  it('serves /health only where SCHEDULER_HEALTH_PORT says, and refuses a port that is not one', () => {
    expect(schedulerHealthPort({})).toBeUndefined();
    expect(schedulerHealthPort({ SCHEDULER_HEALTH_PORT: '4008' })).toBe(4008);
    expect(() => schedulerHealthPort({ SCHEDULER_HEALTH_PORT: 'http' })).toThrow(/SCHEDULER_HEALTH_PORT/);
  });
});
