import { caseGroup, readConfig } from '@polyplus/config';
import { MINUTE_MS } from '@polyplus/business-calendar';
import { badUserInput } from '@polyplus/subgraph-kit';
import { ContactChannel, STAFF_LOGGED_CHANNELS } from '../incident/contact-channel';

/** How far a staff-given contact time may lie from the logging time. */
export type ContactTimePolicy = {
  /** The oldest contact a case may be logged for, in minutes before now (default 24 h). */
  readonly maxAgeMinutes: number;
  /** Clock skew tolerated for a contact "in the future" (5 minutes, as for tracking events). */
  readonly skewMinutes: number;
};

export const DEFAULT_CONTACT_TIME_POLICY: ContactTimePolicy = Object.freeze({ maxAgeMinutes: 24 * 60, skewMinutes: 5 });

/** `INCIDENTS_CONTACTED_AT_MAX_AGE_MINUTES` of the incidents schema (whole minutes, at least 1); unset → 24 h. */
export function contactTimePolicyFromEnv(env: NodeJS.ProcessEnv = process.env): ContactTimePolicy {
  const { INCIDENTS_CONTACTED_AT_MAX_AGE_MINUTES: maxAgeMinutes } = readConfig(
    { INCIDENTS_CONTACTED_AT_MAX_AGE_MINUTES: caseGroup.INCIDENTS_CONTACTED_AT_MAX_AGE_MINUTES },
    env,
  );
  return maxAgeMinutes === DEFAULT_CONTACT_TIME_POLICY.maxAgeMinutes
    ? DEFAULT_CONTACT_TIME_POLICY
    : { ...DEFAULT_CONTACT_TIME_POLICY, maxAgeMinutes };
}

export type ContactTimeInput = {
  channel: ContactChannel;
  /** What the caller gave, if anything. */
  contactedAt?: Date | null;
  /** The caller acts for a customer (a customer's own people or a partner system). */
  byCustomer: boolean;
  /** The logging time (the service's clock). */
  now: Date;
  policy?: ContactTimePolicy;
};

/**
 * When the customer contacted support, which starts the response and resolution clocks.
 * - Support staff logging a phone, chat, video or e-mail contact give when it happened
 *   (`contactedAt`; default: now): not more than `skewMinutes` ahead of now (a contact within the
 *   skew counts as now) and not more than `maxAgeMinutes` before it.
 * - A web case, and any case a customer opens, starts at the server's time: a customer may not
 *   back-date a case, and a `contactedAt` from them is refused.
 * @throws DomainError BAD_USER_INPUT naming `contactedAt`.
 */
export function contactTimeOf(input: ContactTimeInput): Date {
  const policy = input.policy ?? DEFAULT_CONTACT_TIME_POLICY;
  const given = input.contactedAt ?? null;
  if (given === null) return input.now;
  if (input.byCustomer)
    throw badUserInput(
      'contactedAt is for support staff logging a contact; a case opened by a customer starts when it is opened',
      'contactedAt',
    );
  if (!STAFF_LOGGED_CHANNELS.includes(input.channel)) {
    throw badUserInput(
      `contactedAt applies to ${STAFF_LOGGED_CHANNELS.join(', ')} cases; a ${input.channel} case starts when it is opened`,
      'contactedAt',
    );
  }
  const now = input.now.getTime();
  if (given.getTime() > now + policy.skewMinutes * MINUTE_MS) {
    throw badUserInput(
      `contactedAt ${given.toISOString()} is in the future (more than ${policy.skewMinutes} minutes after ${input.now.toISOString()})`,
      'contactedAt',
    );
  }
  if (given.getTime() < now - policy.maxAgeMinutes * MINUTE_MS) {
    throw badUserInput(
      `contactedAt ${given.toISOString()} is more than ${formatAge(policy.maxAgeMinutes)} ago: log the case with the time it is logged and note the earlier contact`,
      'contactedAt',
    );
  }
  return new Date(Math.min(given.getTime(), now));
}

function formatAge(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} hours` : `${minutes} minutes`;
}
