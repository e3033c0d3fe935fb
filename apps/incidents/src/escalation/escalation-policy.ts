import {
  DEFAULT_ESCALATION_THRESHOLDS,
  MINUTE_MS,
  type EscalationClock,
  type EscalationThresholdMinutes,
  type Severity,
} from '@polyplus/business-calendar';
import { IncidentStatus } from '../incident/incident-status';

/** One ageing threshold: after `afterMs` of business time since the report, unless the case reached `until`. */
export type EscalationThreshold = { level: number; afterMs: number; until: IncidentStatus.RESPONDED | IncidentStatus.RESOLVED };

export type EscalationPolicy = Readonly<Record<Severity, readonly EscalationThreshold[]>>;

// A response threshold stops mattering once the case is responded to, a resolution one once it is resolved.
const UNTIL: Record<EscalationClock, EscalationThreshold['until']> = {
  RESPONSE: IncidentStatus.RESPONDED,
  RESOLUTION: IncidentStatus.RESOLVED,
};

const toThreshold = ({ level, clock, afterMinutes }: EscalationThresholdMinutes): EscalationThreshold => ({
  level,
  afterMs: afterMinutes * MINUTE_MS,
  until: UNTIL[clock],
});

/**
 * The business calendar's default thresholds: level 1 when the response objective passes without
 * contact; level 2 when the case ages unresolved past its default resolution target.
 */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  1: DEFAULT_ESCALATION_THRESHOLDS[1].map(toThreshold),
  2: DEFAULT_ESCALATION_THRESHOLDS[2].map(toThreshold),
  3: DEFAULT_ESCALATION_THRESHOLDS[3].map(toThreshold),
};

/** The same thresholds for every severity, e.g. a short one in tests. */
export function uniformEscalationPolicy(thresholds: readonly EscalationThreshold[]): EscalationPolicy {
  return { 1: thresholds, 2: thresholds, 3: thresholds };
}

export function thresholdOf(policy: EscalationPolicy, severity: number, level: number): EscalationThreshold | undefined {
  return policy[severity as Severity]?.find((threshold) => threshold.level === level);
}
