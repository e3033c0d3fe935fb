import { INCIDENT_TOPICS, REPLACEMENT_TOPICS } from '@polyplus/events';

/** Topics dispatch consumes from the event stream (their payloads are the contract in libs/events). */
export const CONSUMED_TOPICS = [
  REPLACEMENT_TOPICS.ordered,
  REPLACEMENT_TOPICS.etaChanged,
  REPLACEMENT_TOPICS.delivered,
  INCIDENT_TOPICS.statusChanged,
] as const;

/** A case in one of these states needs no technician any more. */
export const CLOSED_CASE_STATUSES = ['RESOLVED', 'CLOSED'];
