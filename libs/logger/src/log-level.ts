import type { Level } from 'pino';

export type LogLevel = Level | 'silent';

/** Most severe first; `silent` logs nothing (tests that assert on their own output). */
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export const DEFAULT_LOG_LEVEL: LogLevel = 'info';

/**
 * The level a service logs at, from `LOG_LEVEL` (default `info`). A value that is not a level stops
 * the service at start: a typo must not silently hide (or flood) the log.
 */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const value = env.LOG_LEVEL?.trim();
  if (value === undefined || value === '') return DEFAULT_LOG_LEVEL;
  const level = value.toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`LOG_LEVEL: "${value}" is not a log level; expected one of ${LOG_LEVELS.join(', ')} (default ${DEFAULT_LOG_LEVEL})`);
  }
  return level as LogLevel;
}
