import { DEFAULT_RESOLUTION_TARGET_MINUTES } from '@polyplus/business-calendar';
import { resolutionTargetsFromEnv } from './resolution-targets-config';

describe('resolution targets from the environment', () => {
  it('without configuration the defaults apply: S1 240, S2 570, S3 1,710 business minutes', () => {
    expect(resolutionTargetsFromEnv({})).toBe(DEFAULT_RESOLUTION_TARGET_MINUTES);
    expect(DEFAULT_RESOLUTION_TARGET_MINUTES).toEqual({ 1: 240, 2: 570, 3: 1710 });
  });

  it('INCIDENTS_RESOLUTION_TARGET_MINUTES overrides some or all severities', () => {
    expect(resolutionTargetsFromEnv({ INCIDENTS_RESOLUTION_TARGET_MINUTES: '{"1":180}' })).toEqual({ 1: 180, 2: 570, 3: 1710 });
  });

  it('a value that is not whole minutes, gives a more severe level more time, or names no severity stops the service at start-up', () => {
    expect(() => resolutionTargetsFromEnv({ INCIDENTS_RESOLUTION_TARGET_MINUTES: '{"1":600}' })).toThrow(
      'INCIDENTS_RESOLUTION_TARGET_MINUTES',
    );
    expect(() => resolutionTargetsFromEnv({ INCIDENTS_RESOLUTION_TARGET_MINUTES: '{"2":1.5}' })).toThrow(
      'INCIDENTS_RESOLUTION_TARGET_MINUTES',
    );
    expect(() => resolutionTargetsFromEnv({ INCIDENTS_RESOLUTION_TARGET_MINUTES: '{"4":60}' })).toThrow('severity 4');
    expect(() => resolutionTargetsFromEnv({ INCIDENTS_RESOLUTION_TARGET_MINUTES: 'x' })).toThrow('not JSON');
  });
});
