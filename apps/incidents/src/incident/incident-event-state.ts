import { entityEventState, type EntityEventState } from '@polyplus/events';
import type { Incident } from './incident.entity';

/**
 * The case's own API fields: the `@Field` columns of {@link Incident} (not the fields resolved from
 * other tables or subgraphs, which an event cannot vouch for). Every incident event carries them
 * as of the event, so a subscriber or webhook receiver is told the case as it was then.
 */
export const INCIDENT_OWN_FIELDS = [
  'id',
  'siteId',
  'contactId',
  'contractId',
  'channel',
  'severity',
  'status',
  'summary',
  'reportedAt',
  'contactedAt',
  'responseDueAt',
  'respondedAt',
  'respondedBy',
  'responseObjectiveMet',
  'resolvedAt',
  'resolution',
  'closedAt',
  'rootCauseKind',
  'rootCauseReference',
  'workaround',
  'fixExpectedInRelease',
  'causedByPartner',
  'partnerFindings',
  'version',
] as const satisfies readonly (keyof Incident)[];

/** The case's version, the own fields `changed` names, and all of them as of the event. */
export function incidentEventState(incident: Incident, changed: readonly string[] = []): EntityEventState {
  return entityEventState(incident, INCIDENT_OWN_FIELDS, changed);
}
