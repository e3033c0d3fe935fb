import { DEFAULT_BUSINESS_DAY_MINUTES } from './resolution-target';
import { DEFAULT_ESCALATION_THRESHOLDS } from './escalation-thresholds';
import { RESPONSE_OBJECTIVE_MINUTES } from './response-objective';

describe('default escalation thresholds', () => {
  it('level 1 is due when the response objective passes: 30, 60 and 120 business minutes', () => {
    expect([1, 2, 3].map((severity) => DEFAULT_ESCALATION_THRESHOLDS[severity as 1 | 2 | 3][0])).toEqual([
      { level: 1, clock: 'RESPONSE', afterMinutes: 30 },
      { level: 1, clock: 'RESPONSE', afterMinutes: 60 },
      { level: 1, clock: 'RESPONSE', afterMinutes: 120 },
    ]);
    expect(DEFAULT_ESCALATION_THRESHOLDS[2][0].afterMinutes).toBe(RESPONSE_OBJECTIVE_MINUTES[2]);
  });

  it('level 2 watches the resolution clock: 4 business hours, one business day, three business days', () => {
    expect(DEFAULT_ESCALATION_THRESHOLDS[1][1]).toEqual({ level: 2, clock: 'RESOLUTION', afterMinutes: 240 });
    expect(DEFAULT_ESCALATION_THRESHOLDS[2][1]).toEqual({ level: 2, clock: 'RESOLUTION', afterMinutes: DEFAULT_BUSINESS_DAY_MINUTES });
    expect(DEFAULT_ESCALATION_THRESHOLDS[3][1]).toEqual({ level: 2, clock: 'RESOLUTION', afterMinutes: 3 * DEFAULT_BUSINESS_DAY_MINUTES });
    expect(DEFAULT_BUSINESS_DAY_MINUTES).toBe(570);
  });
});
