import { registerEnumType } from 'type-graphql';

export enum OnsiteVisitStatus {
  /** Requested and waiting for the scheduler to place it. */
  UNPLANNED = 'UNPLANNED',
  PLANNED = 'PLANNED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(OnsiteVisitStatus, { name: 'OnsiteVisitStatus' });
