import { serviceLogger } from './service-logger';

/**
 * Reports why a service could not start, as its last line before it exits. When the logger itself
 * cannot be made (a bad `LOG_LEVEL` or `LOG_FORMAT`), the reason still reaches stderr as one line.
 */
export function logStartFailure(error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  try {
    serviceLogger().fatal({ err: error }, `could not start: ${reason}`);
  } catch {
    process.stderr.write(`could not start: ${reason}\n`);
  }
}
