import { HOUR_MS, MINUTE_MS } from './duration';
import {
  DEFAULT_BUSINESS_DAY_MINUTES,
  DEFAULT_RESOLUTION_TARGET_MINUTES,
  resolutionTargetMs,
  resolutionTargets,
} from './resolution-target';

describe('resolution targets', () => {
  it('default to 4 business hours for Severity 1, one business day for Severity 2 and three for Severity 3', () => {
    expect(DEFAULT_BUSINESS_DAY_MINUTES).toBe(570);
    expect(DEFAULT_RESOLUTION_TARGET_MINUTES).toEqual({ 1: 240, 2: 570, 3: 1710 });
    expect([resolutionTargetMs(1), resolutionTargetMs(2), resolutionTargetMs(3)]).toEqual([4 * HOUR_MS, 9.5 * HOUR_MS, 28.5 * HOUR_MS]);
  });

  it('a configured target overrides its default and leaves the others', () => {
    const targets = resolutionTargets({ 1: 180, 3: 2000 });
    expect(targets).toEqual({ 1: 180, 2: 570, 3: 2000 });
    expect(resolutionTargetMs(1, targets)).toBe(180 * MINUTE_MS);
  });

  it('a more severe level may not be given more time than a less severe one', () => {
    expect(() => resolutionTargets({ 1: 600 })).toThrow(
      expect.objectContaining({ code: 'INVALID_TARGET', message: expect.stringMatching(/S1 600, S2 570/) }),
    );
    expect(() => resolutionTargetMs(2, { 1: 240, 2: 5000, 3: 1710 })).toThrow(expect.objectContaining({ code: 'INVALID_TARGET' }));
  });

  it.each([0, -60, 1.5, Number.NaN])('rejects a target of %p minutes', (minutes) => {
    expect(() => resolutionTargets({ 2: minutes })).toThrow(expect.objectContaining({ code: 'INVALID_TARGET' }));
  });

  it('rejects an unknown severity with INVALID_SEVERITY', () => {
    expect(() => resolutionTargetMs(4 as never)).toThrow(expect.objectContaining({ code: 'INVALID_SEVERITY' }));
  });
});
