import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { Counter, Histogram } from 'prom-client';
import { BoundedLabel, clientOperationName } from './bounded-label';
import { metricsRegistry } from './registry';

// Seconds: from a cached read to a slow cross-subgraph plan.
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// Each series names its server explicitly: in a test process several servers share one registry.
const requests = new Counter({
  name: 'polyplus_graphql_requests_total',
  help: 'GraphQL requests answered, by operation name and outcome (success: no errors; error: any error, partial data included).',
  labelNames: ['service', 'operation', 'outcome'],
  registers: [metricsRegistry()],
});

const duration = new Histogram({
  name: 'polyplus_graphql_request_duration_seconds',
  help: 'Time from receiving a GraphQL request to its response, by operation name.',
  labelNames: ['service', 'operation'],
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry()],
});

const errors = new Counter({
  name: 'polyplus_graphql_errors_total',
  help: 'Errors in GraphQL responses, by extensions.code.',
  labelNames: ['service', 'code'],
  registers: [metricsRegistry()],
});

const CODE = /^[A-Z][A-Z0-9_]{0,47}$/;
const operations = new BoundedLabel(200);
const codes = new BoundedLabel(50);

function operationLabel(context: GraphQLRequestContextWillSendResponse<BaseContext>): string {
  // Resolved: the operation the document really holds. Unresolved: the request never ran (a parse,
  // validation or input error), whatever name it claimed.
  if (context.operation) return context.operationName ? operations.value(clientOperationName(context.operationName)) : 'anonymous';
  return 'unresolved';
}

function codeLabel(code: unknown): string {
  return typeof code === 'string' && CODE.test(code) ? codes.value(code) : 'UNKNOWN';
}

/** Counts and times every GraphQL request of `service`, and counts its errors by code. */
export function graphqlMetricsPlugin<TContext extends BaseContext>(service: string): ApolloServerPlugin<TContext> {
  return {
    // Refused before any operation ran (no valid credential, rate limited): counted, with its code.
    async contextCreationDidFail({ error }) {
      requests.inc({ service, operation: 'unresolved', outcome: 'error' });
      errors.inc({ service, code: codeLabel((error as { extensions?: Record<string, unknown> }).extensions?.code) });
    },
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(context) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const operation = operationLabel(context as GraphQLRequestContextWillSendResponse<BaseContext>);
          const body = context.response.body;
          const sent = body.kind === 'single' ? (body.singleResult.errors ?? []) : (body.initialResult.errors ?? []);
          requests.inc({ service, operation, outcome: sent.length > 0 ? 'error' : 'success' });
          duration.observe({ service, operation }, seconds);
          for (const error of sent) errors.inc({ service, code: codeLabel(error.extensions?.code) });
        },
      };
    },
  };
}
