import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { activeServerSpan, inServerSpan, tracingEnabled } from '@polyplus/telemetry';

/**
 * Handles one `/graphql` request in this service's SERVER span, continuing the caller's trace (the
 * gateway's hop to a subgraph, or a client's own `traceparent` at the gateway).
 */
export function inGraphQLRequestSpan(request: IncomingMessage, response: ServerResponse, handle: () => Promise<void>): Promise<void> {
  if (!tracingEnabled()) return handle();
  return inServerSpan(`${request.method ?? 'GET'} /graphql`, request, {}, async (span) => {
    await handle();
    span.setAttribute('http.response.status_code', response.statusCode);
  });
}

/**
 * Names the request's SERVER span after its operation (`query IncidentOverview`) once Apollo has
 * resolved it, as the GraphQL semantic conventions do. Only added while tracing is on.
 */
export function operationSpanPlugins<TContext extends BaseContext>(): ApolloServerPlugin<TContext>[] {
  if (!tracingEnabled()) return [];
  return [
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ operationName, operation }) {
            const span = activeServerSpan();
            if (!span || !operation) return;
            span.updateName(`${operation.operation} ${operationName ?? 'anonymous'}`);
            span.setAttributes({ 'graphql.operation.type': operation.operation, 'graphql.operation.name': operationName ?? '' });
          },
        };
      },
    },
  ];
}
