import { clockGroup, clockRules, readGroup } from '@polyplus/config';
import { createServiceClock, testClockAllowed } from './service-clock';
import type { TestClockState } from './test-clock-state';

export type TestClockConfig = { frozenAt?: Date; offsetMinutes?: number };

/**
 * The test clock a stack starts with, from the schema's `TEST_CLOCK_FROZEN_AT` (an ISO instant) or
 * `TEST_CLOCK_OFFSET_MINUTES` (whole minutes, negative for the past); none means system time.
 * @throws ConfigError naming the variable when it cannot be read.
 */
export function testClockConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TestClockConfig {
  const config = readGroup(clockGroup, clockRules, env);
  if (config.TEST_CLOCK_FROZEN_AT) return { frozenAt: config.TEST_CLOCK_FROZEN_AT };
  if (config.TEST_CLOCK_OFFSET_MINUTES !== undefined) return { offsetMinutes: config.TEST_CLOCK_OFFSET_MINUTES };
  return {};
}

/**
 * Sets a stack's test clock before its services start (the local stack does this): the
 * configured one, or system time, so a clock moved in an earlier run does not linger.
 * Returns null in production, where there is no test clock.
 */
export async function configureTestClock(options: {
  prefix: string;
  env?: NodeJS.ProcessEnv;
  redisUrl?: string;
  by?: string;
}): Promise<TestClockState | null> {
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
