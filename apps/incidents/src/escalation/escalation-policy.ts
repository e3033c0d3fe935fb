import { HOUR_MS, MINUTE_MS, type Severity } from '@polyplus/business-calendar';
import { IncidentStatus } from '../incident/incident-status';

/** One ageing threshold: after `afterMs` of business time since the report, unless the case reached `until`. */
export type EscalationThreshold = { level: number; afterMs: number; until: IncidentStatus.RESPONDED | IncidentStatus.RESOLVED };

export type EscalationPolicy = Readonly<Record<Severity, readonly EscalationThreshold[]>>;

const BUSINESS_DAY_MS = 9.5 * HOUR_MS;

/**
 * Level 1 when the response objective passes without contact; level 2 when the case ages
 * unresolved (Sev 1: 4 business hours, Sev 2: 1 business day, Sev 3: 3 business days).
 */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  1: [
    { level: 1, afterMs: 30 * MINUTE_MS, until: IncidentStatus.RESPONDED },
    { level: 2, afterMs: 4 * HOUR_MS, until: IncidentStatus.RESOLVED },
  ],
  2: [
    { level: 1, afterMs: HOUR_MS, until: IncidentStatus.RESPONDED },
    { level: 2, afterMs: BUSINESS_DAY_MS, until: IncidentStatus.RESOLVED },
  ],
  3: [
    { level: 1, afterMs: 2 * HOUR_MS, until: IncidentStatus.RESPONDED },
    { level: 2, afterMs: 3 * BUSINESS_DAY_MS, until: IncidentStatus.RESOLVED },
  ],
};

/** The same thresholds for every severity, e.g. a short one in tests. */
export function uniformEscalationPolicy(thresholds: readonly EscalationThreshold[]): EscalationPolicy {
  return { 1: thresholds, 2: thresholds, 3: thresholds };
}

export function thresholdOf(policy: EscalationPolicy, severity: number, level: number): EscalationThreshold | undefined {
  return policy[severity as Severity]?.find((threshold) => threshold.level === level);
}
