import { MINUTE_MS } from '@polyplus/business-calendar';
import { IncidentStatus } from '../incident/incident-status';
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy, type EscalationThreshold } from './escalation-policy';

/**
 * Reads `INCIDENTS_ESCALATION_MINUTES`, business minutes per severity, e.g.
 * `{"1":[30,240],"2":[60,570],"3":[120,1710]}`: the first threshold runs until the first response,
 * later ones until the case is resolved. Unset → {@link DEFAULT_ESCALATION_POLICY}.
 */
export function escalationPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): EscalationPolicy {
  const raw = env.INCIDENTS_ESCALATION_MINUTES;
  if (!raw) return DEFAULT_ESCALATION_POLICY;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`INCIDENTS_ESCALATION_MINUTES is not JSON: ${raw}`);
  }
  const policy = {} as Record<1 | 2 | 3, EscalationThreshold[]>;
  for (const severity of [1, 2, 3] as const) {
    const minutes = (parsed as Record<string, unknown>)?.[String(severity)];
    if (!Array.isArray(minutes) || minutes.some((m) => !Number.isInteger(m) || m < 0)) {
      throw new Error(`INCIDENTS_ESCALATION_MINUTES needs a list of whole minutes for severity ${severity}`);
    }
    policy[severity] = minutes.map((m: number, i) => ({
      level: i + 1,
      afterMs: m * MINUTE_MS,
      until: i === 0 ? IncidentStatus.RESPONDED : IncidentStatus.RESOLVED,
    }));
  }
  return policy;
}
