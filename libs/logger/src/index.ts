export { createLogger, type Logger, type LoggerOptions } from './create-logger';
export { startServiceLogger, serviceLogger } from './service-logger';
export { withLogContext, currentLogContext, type LogContext } from './log-context';
export { logLevelFromEnv, LOG_LEVELS, DEFAULT_LOG_LEVEL, type LogLevel } from './log-level';
export { REQUEST_ID_HEADER, acceptRequestId, requestLogContext } from './request-id';
export { traceIdFromTraceparent, activeSpanIds } from './trace-id';
export { REDACTED, redactFields, redactText, isSensitiveKey } from './redact';
export { prettyLine } from './pretty-destination';
