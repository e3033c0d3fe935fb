import { conflict } from '@polyplus/subgraph-kit';
import { IncidentStatus } from './incident-status';

const { NEW, RESPONDED, IN_PROGRESS, WORKAROUND_PROVIDED, RESOLVED, CLOSED } = IncidentStatus;

/** The transitions a case may take; anything else is refused with CONFLICT. */
const ALLOWED: Record<IncidentStatus, readonly IncidentStatus[]> = {
  [NEW]: [RESPONDED],
  [RESPONDED]: [IN_PROGRESS, RESOLVED],
  [IN_PROGRESS]: [WORKAROUND_PROVIDED, RESOLVED],
  [WORKAROUND_PROVIDED]: [IN_PROGRESS, RESOLVED],
  // A resolution the customer disputes reopens the work.
  [RESOLVED]: [CLOSED, IN_PROGRESS],
  [CLOSED]: [],
};

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function assertTransition(from: IncidentStatus, to: IncidentStatus): void {
  if (!canTransition(from, to)) throw conflict(`A ${from} case cannot become ${to}`);
}

/** Still being worked on: shown in the support queue, escalation timers may apply. */
export function isOpen(status: IncidentStatus): boolean {
  return status !== RESOLVED && status !== CLOSED;
}

const ORDER = [NEW, RESPONDED, IN_PROGRESS, WORKAROUND_PROVIDED, RESOLVED, CLOSED];

/** Whether the case has got at least as far as `milestone` (reopened cases count as responded). */
export function hasReached(status: IncidentStatus, milestone: IncidentStatus): boolean {
  return ORDER.indexOf(status) >= ORDER.indexOf(milestone);
}
