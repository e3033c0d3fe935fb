import { oneOf, text, url } from '../entries';

/** What every service reads: the mode it runs in and where it listens. */
export const runtimeGroup = {
  NODE_ENV: text({
    description:
      'production hides the GraphQL IDE, introspection and stack traces, turns the test clock off and makes the secrets below required; anything else is development.',
    form: 'production, or anything else for development',
    defaultNote: 'development',
  }),
  HOST: text({
    description: 'The interface the service listens on (0.0.0.0 for every interface).',
    form: 'a host name or IP address',
    defaultNote: '127.0.0.1 (the scheduler’s /health: 0.0.0.0)',
  }),
} as const;

/** Log lines: one JSON object per line in production. */
export const loggingGroup = {
  LOG_LEVEL: oneOf({
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    caseInsensitive: true,
    default: 'info',
    description: 'The least severe log line written.',
  }),
  LOG_FORMAT: oneOf({
    values: ['json', 'pretty'],
    defaultNote: 'json in production, pretty elsewhere',
    description: 'JSON lines (for log collectors) or readable lines.',
  }),
} as const;

/** OpenTelemetry traces, exported over OTLP only when an endpoint is set. */
export const tracingGroup = {
  OTEL_EXPORTER_OTLP_ENDPOINT: url({
    protocols: ['http', 'https'],
    description: 'Where traces are sent over OTLP/HTTP; unset: tracing is off.',
    defaultNote: 'unset (tracing off)',
  }),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: url({
    protocols: ['http', 'https'],
    description: 'Where traces are sent, as is (overrides OTEL_EXPORTER_OTLP_ENDPOINT).',
    defaultNote: '<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces',
  }),
  OTEL_SERVICE_NAME: text({ description: 'The service name on exported spans.', defaultNote: 'the app’s name' }),
} as const;

/** Prometheus `/metrics` on every service. */
export const metricsGroup = {
  METRICS_TOKEN: text({
    secret: true,
    defaultNote: 'none: internal services answer anyone, internet-facing ones only outside production',
    description: 'When set, /metrics asks for Authorization: Bearer <METRICS_TOKEN>.',
  }),
} as const;
