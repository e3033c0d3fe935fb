/** BullMQ queue of the delayed escalation timers (under `queuePrefix()`), named in the product's list of queues. */
export { ESCALATION_QUEUE } from '@polyplus/events';

export const ESCALATE = 'escalate';

/** `dueAt`: the instant (on the service's clock) the timer was armed for, ISO. */
export type EscalationJob = { incidentId: string; level: number; dueAt?: string };

/** One timer per case and level: a custom id lets a re-arm move it and a response remove it (BullMQ ids may not contain ':'). */
export function escalationJobId(incidentId: string, level: number): string {
  return `escalation-${incidentId}-${level}`;
}
