import { timerJobId, type TimerSetOptions } from '@polyplus/events';

/** BullMQ queue of the delayed escalation timers (under `queuePrefix()`), named in the product's list of queues. */
export { ESCALATION_QUEUE } from '@polyplus/events';

export const ESCALATE = 'escalate';

/** `dueAt`: the instant (on the service's clock) the timer was armed for, ISO. */
export type EscalationJob = { incidentId: string; level: number; dueAt?: string };

/** One durable timer per case and level. */
export const ESCALATION_TIMERS: TimerSetOptions = {
  kind: 'escalation',
  jobName: ESCALATE,
  attempts: 5,
  backoffMs: 1_000,
  keepFailed: 5_000,
};

export const escalationTimerKey = (incidentId: string, level: number) => `${incidentId}-${level}`;

/** The job id of a case's timer for a level: a re-arm moves it and a response removes it. */
export function escalationJobId(incidentId: string, level: number): string {
  return timerJobId(ESCALATION_TIMERS.kind, escalationTimerKey(incidentId, level));
}
