import { clockNow, MAX_OFFSET_MINUTES, stateFor, SYSTEM_TIME, TestClockError } from './test-clock-state';
import { testClockConfigFromEnv } from './configure-test-clock';

const meta = { version: 3, setBy: 'SUPPORT_ENGINEER:jane', setAt: new Date('2026-01-01T00:00:00Z') };
const system = Date.parse('2026-05-06T10:00:00Z');

describe('the test clock state', () => {
  it('system time answers the machine’s clock', () => {
    expect(clockNow(SYSTEM_TIME, system).toISOString()).toBe('2026-05-06T10:00:00.000Z');
  });

  it('an offset moves system time by whole minutes, forward or back, and keeps running', () => {
    const ahead = stateFor({ offsetMinutes: 90 }, meta);
    expect(clockNow(ahead, system).toISOString()).toBe('2026-05-06T11:30:00.000Z');
    expect(clockNow(ahead, system + 1_000).toISOString()).toBe('2026-05-06T11:30:01.000Z');
    expect(clockNow(stateFor({ offsetMinutes: -60 }, meta), system).toISOString()).toBe('2026-05-06T09:00:00.000Z');
  });

  it('a frozen clock answers its instant whatever the machine’s clock says', () => {
    const frozen = stateFor({ frozenAt: new Date('2027-03-05T15:01:00Z') }, meta);
    expect(clockNow(frozen, system).toISOString()).toBe('2027-03-05T15:01:00.000Z');
    expect(clockNow(frozen, system + 86_400_000).toISOString()).toBe('2027-03-05T15:01:00.000Z');
    expect(frozen).toMatchObject({ mode: 'FROZEN', version: 3, setBy: 'SUPPORT_ENGINEER:jane' });
  });

  it('a change names exactly one of frozenAt and offsetMinutes, within bounds, else it is refused naming the field', () => {
    const refused = (change: Parameters<typeof stateFor>[0]) => {
      try {
        stateFor(change, meta);
      } catch (error) {
        return error instanceof TestClockError ? error.field : 'other';
      }
      return 'accepted';
    };
    expect(refused({})).toBe('frozenAt');
    expect(refused({ frozenAt: new Date(), offsetMinutes: 5 })).toBe('offsetMinutes');
    expect(refused({ offsetMinutes: 1.5 })).toBe('offsetMinutes');
    expect(refused({ offsetMinutes: MAX_OFFSET_MINUTES + 1 })).toBe('offsetMinutes');
    expect(refused({ frozenAt: new Date('3000-01-01T00:00:00Z') })).toBe('frozenAt');
    expect(refused({ frozenAt: new Date('nonsense') })).toBe('frozenAt');
    expect(refused({ offsetMinutes: -MAX_OFFSET_MINUTES })).toBe('accepted');
  });

  it('a stack starts frozen or offset from TEST_CLOCK_FROZEN_AT / TEST_CLOCK_OFFSET_MINUTES; a bad value names the variable', () => {
    expect(testClockConfigFromEnv({})).toEqual({});
    expect(testClockConfigFromEnv({ TEST_CLOCK_FROZEN_AT: '2027-03-05T15:01:00Z' })).toEqual({
      frozenAt: new Date('2027-03-05T15:01:00Z'),
    });
    expect(testClockConfigFromEnv({ TEST_CLOCK_OFFSET_MINUTES: '-1440' })).toEqual({ offsetMinutes: -1440 });
    expect(() => testClockConfigFromEnv({ TEST_CLOCK_FROZEN_AT: 'friday' })).toThrow('TEST_CLOCK_FROZEN_AT');
    expect(() => testClockConfigFromEnv({ TEST_CLOCK_OFFSET_MINUTES: '1.5' })).toThrow('TEST_CLOCK_OFFSET_MINUTES');
    expect(() => testClockConfigFromEnv({ TEST_CLOCK_OFFSET_MINUTES: '1', TEST_CLOCK_FROZEN_AT: '2027-03-05T15:01:00Z' })).toThrow(
      'not both',
    );
  });
});
