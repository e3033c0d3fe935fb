import { IncidentStatus } from '../incident/incident-status';
import { DEFAULT_ESCALATION_POLICY } from './escalation-policy';
import { escalationPolicyFromEnv } from './escalation-policy-config';

describe('escalation thresholds from the environment', () => {
  it('without configuration the default thresholds apply', () => {
    expect(escalationPolicyFromEnv({})).toBe(DEFAULT_ESCALATION_POLICY);
  });

  it('business minutes per severity: the first threshold watches the response, later ones the resolution', () => {
    const policy = escalationPolicyFromEnv({ INCIDENTS_ESCALATION_MINUTES: '{"1":[15,120],"2":[60],"3":[]}' });
    expect(policy[1]).toEqual([
      { level: 1, afterMs: 900_000, until: IncidentStatus.RESPONDED },
      { level: 2, afterMs: 7_200_000, until: IncidentStatus.RESOLVED },
    ]);
    expect(policy[2]).toHaveLength(1);
    expect(policy[3]).toEqual([]);
  });

  it('a malformed value stops the service at start-up instead of escalating wrongly', () => {
    expect(() => escalationPolicyFromEnv({ INCIDENTS_ESCALATION_MINUTES: '{"1":[15]}' })).toThrow('severity 2');
    expect(() => escalationPolicyFromEnv({ INCIDENTS_ESCALATION_MINUTES: 'x' })).toThrow('not JSON');
  });
});
