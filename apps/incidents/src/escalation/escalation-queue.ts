/** BullMQ queue of the delayed escalation timers (under `queuePrefix()`). */
export const ESCALATION_QUEUE = 'incident-escalation';

export const ESCALATE = 'escalate';

export type EscalationJob = { incidentId: string; level: number };

/** One timer per case and level: a custom id lets a response or resolution remove it (BullMQ ids may not contain ':'). */
export function escalationJobId(incidentId: string, level: number): string {
  return `escalation-${incidentId}-${level}`;
}
