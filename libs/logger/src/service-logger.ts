import type { Logger } from 'pino';
import { createLogger, type LoggerOptions } from './create-logger';

let current: Logger | undefined;

/**
 * Makes this process's logger, named after its service; each entry point calls it first, so a bad
 * `LOG_LEVEL` stops the service at start rather than at its first line.
 */
export function startServiceLogger(service: string, options: Omit<LoggerOptions, 'service'> = {}): Logger {
  current = createLogger({ service, ...options });
  return current;
}

/**
 * This process's logger (a child naming `component` when given). Libraries call it when they log,
 * not when they load, so they write as whichever service runs them; before a service started its
 * logger (tests, tools) it is named after `SERVICE_NAME`.
 */
export function serviceLogger(component?: string): Logger {
  current ??= createLogger({ service: process.env.SERVICE_NAME ?? 'polyplus' });
  return component ? current.child({ component }) : current;
}
