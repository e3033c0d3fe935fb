import type { Server } from 'node:http';
import { decodeJwt } from 'jose';
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import { WebSocketServer } from 'ws';
import { AuthError, verifyBearerToken, type AuthConfig, type Principal } from '@polyplus/auth';
import { MAX_BODY_BYTES } from '@polyplus/subgraph-kit';
import { planDelivery, type DeliveryPlan } from './delivery-plan';
import { useGraphQLWs } from './graphql-ws-on-ws';
import type { SubscriptionHub } from './subscription-hub';
import type { RateLimiter } from '../limits/rate-limiter';

/** Operations one connection may hold open at once. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 50;

/** Refuses a document the HTTP path would refuse (depth, aliases, cost); throws a coded GraphQLError. */
export type DocumentLimits = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
) => Promise<void>;

export type SubscriptionServerOptions = {
  httpServer: Server;
  schema: GraphQLSchema;
  auth: AuthConfig;
  hub: SubscriptionHub;
  limits: DocumentLimits;
  production: boolean;
  /** Each subscribe is charged to the principal's budget, as an HTTP request is. */
  limiter?: RateLimiter;
  path?: string;
};

type ConnectionExtra = { principal?: Principal; expiry?: NodeJS.Timeout };
type SubscriptionContext = { principal: Principal; plan: DeliveryPlan };

/** graphql-ws close code for a refused or lapsed authentication (the protocol's "Forbidden"). */
const FORBIDDEN = 4403;
// setTimeout takes at most a signed 32-bit delay.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Production hides "Did you mean …?" hints, as Apollo Server does for HTTP. */
function withoutSuggestions(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message.replace(/ ?Did you mean(.+?)\?$/, ''), {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
  });
}

/** The HTTP status a refusal carries for the HTTP path means nothing over WebSocket. */
function withoutHttp(error: GraphQLError): GraphQLError {
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { nodes: error.nodes, extensions });
}

/**
 * GraphQL subscriptions over graphql-ws on the gateway's own HTTP server and path. A connection
 * authenticates once, with `connectionParams.authorization` verified like an HTTP bearer token,
 * and is closed with 4403 when the token is bad or when it expires. Each subscription document is
 * validated against the subscription schema and held to the HTTP query limits before it is
 * planned; queries and mutations stay on HTTP.
 */
export function serveSubscriptions(options: SubscriptionServerOptions): { dispose(): Promise<void> } {
  const wss = new WebSocketServer({ server: options.httpServer, path: options.path ?? '/graphql', maxPayload: MAX_BODY_BYTES });
  const refuse = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];
  // Operations being served, so a stop can let their `complete` reach the clients before closing.
  let serving = 0;
  let drained: (() => void) | undefined;
  const server = useGraphQLWs<ConnectionExtra>(
    {
      async onConnect(ctx) {
        const authorization = ctx.connectionParams?.authorization;
        try {
          ctx.extra.principal = await verifyBearerToken(typeof authorization === 'string' ? authorization : undefined, options.auth);
        } catch (error) {
          if (error instanceof AuthError) return false;
          throw error;
        }
        // The token was verified above; its expiry ends the connection rather than outliving it.
        const exp = decodeJwt((authorization as string).slice('Bearer '.length)).exp;
        if (exp) {
          const socket = ctx.extra.socket;
          ctx.extra.expiry = setTimeout(
            () => socket.close(FORBIDDEN, 'Token expired'),
            Math.min(MAX_TIMER_MS, Math.max(0, exp * 1000 - Date.now())),
          );
          ctx.extra.expiry.unref();
        }
        return true;
      },
      onClose(ctx) {
        clearTimeout(ctx.extra.expiry);
      },
      async onSubscribe(ctx, _id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> {
        const principal = ctx.extra.principal as Principal;
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return refuse(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection`, 'BAD_REQUEST');
        }
        const decision = await options.limiter?.take(principal);
        if (decision && !decision.allowed)
          return refuse(`Too many requests; retry after ${Math.ceil(decision.retryAfterMs / 1000)} s`, 'RATE_LIMITED');
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const invalid = validate(options.schema, document);
        if (invalid.length > 0) return options.production ? invalid.map(withoutSuggestions) : invalid;
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) {
          return refuse('Only subscriptions are served over WebSocket; send queries and mutations to POST /graphql', 'BAD_REQUEST');
        }
        const variables = payload.variables ?? {};
        try {
          await options.limits(options.schema, document, payload.operationName, variables);
          const plan = planDelivery(options.schema, document, payload.operationName, variables);
          // Each delivery runs the planned query through the same limits: refuse now what would fail then.
          await options.limits(options.schema, parse(plan.query), plan.operationName, { ...plan.variables, [plan.idVariable]: '' });
          const contextValue: SubscriptionContext = { principal, plan };
          return { schema: options.schema, document, operationName: payload.operationName, variableValues: variables, contextValue };
        } catch (error) {
          if (error instanceof GraphQLError) return [withoutHttp(error)];
          throw error;
        }
      },
      subscribe(args) {
        const { principal, plan } = args.contextValue as SubscriptionContext;
        serving += 1;
        return options.hub.subscribe(plan, principal);
      },
      onComplete() {
        serving = Math.max(0, serving - 1);
        if (serving === 0) drained?.();
      },
    },
    wss,
  );
  return {
    async dispose() {
      // Complete every subscription first, so clients see a clean end, then close the sockets.
      const allCompleted = new Promise<void>((resolve) => {
        drained = resolve;
        if (serving === 0) resolve();
      });
      options.hub.closeAll();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([allCompleted, new Promise((resolve) => (timer = setTimeout(resolve, 2_000)))]);
      clearTimeout(timer);
      // graphql-ws sends `complete` just after onComplete returns: let that write go out first.
      await new Promise((resolve) => setImmediate(resolve));
      await server.dispose();
    },
  };
}
