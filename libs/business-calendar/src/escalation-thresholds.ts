import { DEFAULT_RESOLUTION_TARGET_MINUTES } from './resolution-target';
import { RESPONSE_OBJECTIVE_MINUTES } from './response-objective';
import type { Severity } from './severity';

/** The clock a threshold watches: the response (until first contact) or the resolution (it pauses with that clock). */
export type EscalationClock = 'RESPONSE' | 'RESOLUTION';

/** One escalation level: due once `afterMinutes` of business time ran on `clock`. */
export type EscalationThresholdMinutes = { readonly level: number; readonly clock: EscalationClock; readonly afterMinutes: number };

const thresholdsOf = (severity: Severity): readonly EscalationThresholdMinutes[] =>
  Object.freeze([
    { level: 1, clock: 'RESPONSE', afterMinutes: RESPONSE_OBJECTIVE_MINUTES[severity] },
    { level: 2, clock: 'RESOLUTION', afterMinutes: DEFAULT_RESOLUTION_TARGET_MINUTES[severity] },
  ]);

/**
 * Default escalation per severity, derived from the objectives so the two never disagree: level 1
 * when the response objective passes without contact (30, 60, 120 business minutes), level 2 when
 * the case outlives its default resolution target (4 business hours, one business day of
 * `DEFAULT_BUSINESS_DAY_MINUTES`, three business days).
 */
export const DEFAULT_ESCALATION_THRESHOLDS: Readonly<Record<Severity, readonly EscalationThresholdMinutes[]>> = Object.freeze({
  1: thresholdsOf(1),
  2: thresholdsOf(2),
  3: thresholdsOf(3),
});
