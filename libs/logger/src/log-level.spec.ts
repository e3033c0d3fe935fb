import { logLevelFromEnv } from './log-level';

describe('logLevelFromEnv', () => {
  it('is info when LOG_LEVEL is unset or empty', () => {
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ LOG_LEVEL: ' ' })).toBe('info');
  });

  it('accepts each pino level and silent, in any case', () => {
    expect(logLevelFromEnv({ LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(logLevelFromEnv({ LOG_LEVEL: 'silent' })).toBe('silent');
  });

  it('refuses anything else with one line naming the variable, the value and the levels', () => {
    expect(() => logLevelFromEnv({ LOG_LEVEL: 'verbose' })).toThrow(
      'LOG_LEVEL: "verbose" is not a log level; expected one of fatal, error, warn, info, debug, trace, silent (default info)',
    );
  });
});
