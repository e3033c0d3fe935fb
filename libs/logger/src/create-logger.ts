import { hostname } from 'node:os';
import pino, { type DestinationStream, type Logger } from 'pino';
import { currentLogContext } from './log-context';
import { logLevelFromEnv, type LogLevel } from './log-level';
import { prettyDestination } from './pretty-destination';
import { redactFields, redactText } from './redact';
import { activeSpanIds } from './trace-id';

export type { Logger } from 'pino';

export type LoggerOptions = {
  /** The service every line names (`customers`, `gateway`, `scheduler`...). */
  service: string;
  /** Default: `LOG_LEVEL` from `env`, else `info`. */
  level?: LogLevel;
  /** Where `LOG_LEVEL`, `LOG_FORMAT` and `NODE_ENV` are read (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Default: JSON lines on stdout in production (or with `LOG_FORMAT=json`), readable lines elsewhere. */
  destination?: DestinationStream;
};

/** JSON unless developing: production, or `LOG_FORMAT=json` (log collectors reading a development stack). */
function wantsJson(env: NodeJS.ProcessEnv): boolean {
  if (env.LOG_FORMAT !== undefined && env.LOG_FORMAT !== 'json' && env.LOG_FORMAT !== 'pretty') {
    throw new Error(`LOG_FORMAT: "${env.LOG_FORMAT}" is not a log format; expected json or pretty`);
  }
  return env.LOG_FORMAT === 'json' || (env.LOG_FORMAT === undefined && env.NODE_ENV === 'production');
}

/**
 * A service's logger: one JSON object per line (time, level, service, message and fields), with
 * the request, job or event being handled ({@link withLogContext}) and the active trace's ids on
 * every line, and no credential in any field or text.
 */
export function createLogger(options: LoggerOptions): Logger {
  const env = options.env ?? process.env;
  const level = options.level ?? logLevelFromEnv(env);
  const destination = options.destination ?? (wantsJson(env) ? pino.destination({ dest: 1 }) : prettyDestination());
  return pino(
    {
      level,
      base: { service: options.service, pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Errors are serialised (and checked for credentials) by the log formatter below, at any key;
      // pino's own pass would serialise the result again and call it an Object.
      serializers: { err: (value: unknown) => value },
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redactFields(fields) as Record<string, unknown>,
      },
      // Read at each line: the span active at that moment (tracing on) wins over the caller's traceparent.
      mixin: () => {
        const context = currentLogContext();
        const span = activeSpanIds();
        return span ? { ...context, traceId: span.traceId, spanId: span.spanId } : { ...context };
      },
      // The last word on the finished line: messages and stacks quote URLs and headers too.
      hooks: { streamWrite: redactText },
    },
    destination,
  );
}
