import type { ConfigOf, Group } from './entry';
import { ConfigError, type Env } from './read-config';
import { readServiceConfig, type ServiceSchema } from './service-schema';

/** The exit status of a service stopped by its configuration (sysexits' EX_CONFIG). */
export const CONFIG_EXIT_CODE = 78;

/**
 * A service's validated configuration, read first thing at start. A bad or missing value stops
 * the process at once — before it connects to anything — with one line on stderr naming the
 * variable, the problem and the expected form: an operator needs that line, not a stack trace.
 */
export function loadConfigOrExit<G extends Group>(schema: ServiceSchema<G>, env: Env = process.env): ConfigOf<G> {
  try {
    return readServiceConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(CONFIG_EXIT_CODE);
  }
}
