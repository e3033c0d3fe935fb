import { duration, instant, integer } from '../entries';
import type { Rule } from '../service-schema';

/** The stack's test clock (never in production). */
export const clockGroup = {
  TEST_CLOCK_REFRESH_MS: duration({
    unit: 'ms',
    default: 2_000,
    description: 'How often a service re-reads the test clock in case a change message was missed.',
  }),
  TEST_CLOCK_ACK_TIMEOUT_MS: duration({
    unit: 'ms',
    default: 2_000,
    description: 'How long a clock change waits for every service to confirm it.',
  }),
  TEST_CLOCK_FROZEN_AT: instant({ description: 'Outside production: the stack starts with its clock frozen at this instant.' }),
  TEST_CLOCK_OFFSET_MINUTES: integer({
    min: -52_560_000,
    max: 52_560_000,
    unit: 'minutes, negative for the past',
    description: 'Outside production: the stack starts with its clock moved by this much.',
  }),
} as const;

export const clockRules: Rule<typeof clockGroup>[] = [
  (config) =>
    config.TEST_CLOCK_FROZEN_AT && config.TEST_CLOCK_OFFSET_MINUTES !== undefined
      ? 'TEST_CLOCK_FROZEN_AT and TEST_CLOCK_OFFSET_MINUTES are both set: set one, not both'
      : undefined,
];
