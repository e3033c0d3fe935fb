import { createServiceClock, testClockAllowed } from './service-clock';
import type { TestClockState } from './test-clock-state';

export type TestClockConfig = { frozenAt?: Date; offsetMinutes?: number };

/**
 * The test clock a stack starts with, from `TEST_CLOCK_FROZEN_AT` (an ISO instant) or
 * `TEST_CLOCK_OFFSET_MINUTES` (whole minutes, negative for the past); none means system time.
 * @throws Error naming the variable when it cannot be read.
 */
export function testClockConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TestClockConfig {
  const frozen = env.TEST_CLOCK_FROZEN_AT?.trim();
  const offset = env.TEST_CLOCK_OFFSET_MINUTES?.trim();
  if (frozen && offset) throw new Error('Set TEST_CLOCK_FROZEN_AT or TEST_CLOCK_OFFSET_MINUTES, not both');
  if (frozen) {
    const at = new Date(frozen);
    if (Number.isNaN(at.getTime())) throw new Error(`TEST_CLOCK_FROZEN_AT is not an ISO instant: ${frozen}`);
    return { frozenAt: at };
  }
  if (offset) {
    const minutes = Number(offset);
    if (!Number.isInteger(minutes)) throw new Error(`TEST_CLOCK_OFFSET_MINUTES is not a whole number of minutes: ${offset}`);
    return { offsetMinutes: minutes };
  }
  return {};
}

/**
 * Sets a stack's test clock before its services start (the local stack does this): the
 * configured one, or system time, so a clock moved in an earlier run does not linger.
 * Returns null in production, where there is no test clock.
 */
export async function configureTestClock(options: { prefix: string; env?: NodeJS.ProcessEnv; redisUrl?: string; by?: string }): Promise<TestClockState | null> {
  const env = options.env ?? process.env;
  if (!testClockAllowed(env)) return null;
  const config = testClockConfigFromEnv(env);
  const clock = createServiceClock({ prefix: options.prefix, env, redisUrl: options.redisUrl, ackTimeoutMs: 500 });
  await clock.start();
  try {
    const by = options.by ?? 'SERVICE:local-stack';
    const result = config.frozenAt || config.offsetMinutes !== undefined ? await clock.set(config, by) : await clock.reset(by);
    return result.state;
  } finally {
    await clock.close();
  }
}
