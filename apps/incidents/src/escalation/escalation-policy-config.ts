import { caseGroup, readEntry } from '@polyplus/config';
import { MINUTE_MS } from '@polyplus/business-calendar';
import { IncidentStatus } from '../incident/incident-status';
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy, type EscalationThreshold } from './escalation-policy';

/**
 * `INCIDENTS_ESCALATION_MINUTES` of the incidents schema, business minutes per severity, e.g.
 * `{"1":[30,240],"2":[60,570],"3":[120,1710]}`: the first threshold runs until the first response,
 * later ones until the case is resolved. Unset → {@link DEFAULT_ESCALATION_POLICY}.
 * @throws ConfigError naming the variable and the severity whose list is wrong.
 */
export function escalationPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): EscalationPolicy {
  const minutes = readEntry('INCIDENTS_ESCALATION_MINUTES', caseGroup.INCIDENTS_ESCALATION_MINUTES, env);
  if (!minutes) return DEFAULT_ESCALATION_POLICY;
  const policy = {} as Record<1 | 2 | 3, EscalationThreshold[]>;
  for (const severity of [1, 2, 3] as const) {
    policy[severity] = minutes[severity].map((m, i) => ({
      level: i + 1,
      afterMs: m * MINUTE_MS,
      until: i === 0 ? IncidentStatus.RESPONDED : IncidentStatus.RESOLVED,
    }));
  }
  return policy;
}
