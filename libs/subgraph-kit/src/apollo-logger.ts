import { serviceLogger } from '@polyplus/logger';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** Apollo's logger interface (Apollo Server, the gateway): one message per call. */
export type ApolloLogger = Record<Level, (message?: unknown) => void>;

/**
 * Apollo Server's and the gateway's own messages (schema loads, deprecation warnings, plugin
 * failures) through the service's logger, so they are JSON lines like the rest; by default they go
 * to the console.
 */
export function apolloLogger(component = 'apollo'): ApolloLogger {
  const at = (level: Level) => (message?: unknown) => {
    const log = serviceLogger(component);
    if (message instanceof Error) log[level]({ err: message }, message.message);
    else log[level](String(message));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
