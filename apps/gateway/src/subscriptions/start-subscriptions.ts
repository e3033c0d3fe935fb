import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import type { ApolloGateway } from '@apollo/gateway';
import type { AuthConfig } from '@polyplus/auth';
import { createRedis, eventStreamKey, queuePrefix, tailEvents, type EventDecoder } from '@polyplus/events';
import { serviceLogger } from '@polyplus/logger';
import { countUndecodableSubscriptionEvent, watchSubscriptions } from '@polyplus/metrics';
import { apolloLogger, formatError } from '@polyplus/subgraph-kit';
import type { GatewayContext } from '../auth/gateway-context';
import { inputValidationPlugin } from '../input/input-validation.plugin';
import { queryLimitsPlugin } from '../limits/query-limits.plugin';
import type { RateLimiter } from '../limits/rate-limiter';
import { limitConcurrency } from './limit-concurrency';
import { retryUnavailable } from './retry-unavailable';
import type { EntityReader } from './subscriber';
import { decodeFollowedEvent, followedTopic, type FollowedEvent } from './subscription-fields';
import { SubscriptionHub } from './subscription-hub';
import { subscriptionLimits } from './subscription-limits';
import { buildSubscriptionSchema } from './subscription-schema';
import { serveSubscriptions } from './subscription-server';

export type SubscriptionsOptions = {
  httpServer: Server;
  supergraphSdl: string;
  /** A gateway of its own over the same supergraph and signed subgraph connections. */
  gateway: ApolloGateway;
  auth: AuthConfig;
  env: NodeJS.ProcessEnv;
  limiter?: RateLimiter;
  /** How long start-up waits for Redis before serving and catching up in the background. */
  redisWaitMs?: number;
  /** Supergraph reads in flight at once across all subscribers (default 32). */
  maxConcurrentReads?: number;
};

/** Whether the promise settled within the time; the timer never outlives it. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type RunningSubscriptions = { hub: SubscriptionHub; stop(): Promise<void> };

/**
 * Each followed event decoded by the contract before any subscriber sees it. One it refuses is
 * counted here; the tail logs it once (topic, event id, what failed) and moves on to the next.
 */
const decodeCounted: EventDecoder<FollowedEvent> = (envelope) => {
  const decoded = decodeFollowedEvent(envelope);
  if (!decoded.ok) countUndecodableSubscriptionEvent(envelope.topic);
  return decoded;
};

/**
 * GraphQL subscriptions beside Apollo Gateway (which cannot execute them). Every gateway instance
 * tails the Redis event stream itself (plain XREAD, no consumer group): each instance must see
 * every event, because each holds its own subscribers, and a tail leaves no per-instance group
 * behind in Redis when an instance goes away. Each event is read through the supergraph once per
 * read key (rights scope and delivery query) among the interested subscribers, with one of their
 * principals, by an Apollo Server of its own that runs the same query limits and error formatting
 * as the HTTP path.
 */
export async function startSubscriptions(options: SubscriptionsOptions): Promise<RunningSubscriptions> {
  const schema = buildSubscriptionSchema(options.supergraphSdl);
  const apollo = new ApolloServer<GatewayContext>({
    logger: apolloLogger(),
    stopOnTerminationSignals: false, // the gateway's stopOnSignals stops it with the rest
    gateway: options.gateway,
    formatError: (formatted, error) => formatError(formatted, error),
    includeStacktraceInErrorResponses: false,
    plugins: [inputValidationPlugin(), queryLimitsPlugin()],
  });
  await apollo.start();
  // A read that met a dying subgraph replica is tried again, outside the concurrency limit's slot.
  const read: EntityReader = retryUnavailable(
    limitConcurrency(async (plan, entityId, principal) => {
      const response = await apollo.executeOperation(
        { query: plan.query, operationName: plan.operationName, variables: { ...plan.variables, [plan.idVariable]: entityId } },
        { contextValue: { principal } },
      );
      return response.body.kind === 'single'
        ? response.body.singleResult
        : { errors: [{ message: 'Incremental delivery is not supported here' }] };
    }, options.maxConcurrentReads ?? 32),
  );
  const hub = new SubscriptionHub(read);
  const unwatch = watchSubscriptions(() => hub.reading());
  const redis = createRedis('worker', options.env);
  redis.on('error', () => undefined); // the tail reports read failures itself
  const tail = tailEvents({
    redis,
    stream: eventStreamKey(queuePrefix(options.env)),
    accept: followedTopic,
    decode: decodeCounted,
    handler: (event) => hub.publish(event),
  });
  if (!(await within(tail.ready, options.redisWaitMs ?? 3_000)))
    serviceLogger('subscriptions').warn('Redis not reachable yet; events are followed once it is');
  const server = serveSubscriptions({
    httpServer: options.httpServer,
    schema,
    auth: options.auth,
    hub,
    limits: subscriptionLimits(),
    production: options.env.NODE_ENV === 'production',
    limiter: options.limiter,
  });
  return {
    hub,
    async stop() {
      unwatch();
      await tail.stop();
      await server.dispose();
      await apollo.stop();
      redis.disconnect();
    },
  };
}
