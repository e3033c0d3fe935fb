import { registerEnumType } from 'type-graphql';

/** The case lifecycle of the service description's incident management. */
export enum IncidentStatus {
  NEW = 'NEW',
  RESPONDED = 'RESPONDED',
  IN_PROGRESS = 'IN_PROGRESS',
  WORKAROUND_PROVIDED = 'WORKAROUND_PROVIDED',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}

registerEnumType(IncidentStatus, { name: 'IncidentStatus' });
