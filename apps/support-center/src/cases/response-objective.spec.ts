import { businessDuration, responseState } from './response-objective';

describe('the response objective in words', () => {
  it('says met or missed once an engineer responded', () => {
    expect(
      responseState({ status: 'RESPONDED', responseObjectiveMet: true, businessMinutesRemaining: 10, respondedAt: '2026-11-24T09:00:00Z' }),
    ).toEqual({ label: 'Met', tone: 'ok' });
    expect(
      responseState({
        status: 'RESPONDED',
        responseObjectiveMet: false,
        businessMinutesRemaining: -5,
        respondedAt: '2026-11-24T09:00:00Z',
      }),
    ).toEqual({ label: 'Missed', tone: 'warn' });
  });

  it('counts the business time left, or overdue, while nobody responded', () => {
    expect(responseState({ status: 'NEW', responseObjectiveMet: null, businessMinutesRemaining: 90, respondedAt: null }).label).toBe(
      'Due in 1 h 30 min of business time',
    );
    expect(responseState({ status: 'NEW', responseObjectiveMet: null, businessMinutesRemaining: -30, respondedAt: null }).label).toBe(
      'Overdue by 30 min of business time',
    );
    expect(businessDuration(120)).toBe('2 h');
    expect(businessDuration(0)).toBe('0 min');
  });
});
