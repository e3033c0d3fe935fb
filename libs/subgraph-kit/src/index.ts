export { DomainError, badUserInput, notFound, conflict, forbidden, serviceUnavailable, type ErrorCode } from './errors';
export { entityReference, type EntityReference } from './entity-reference';
export { byIds, type BatchedReference, type EntitiesByIds } from './batched-reference';
export { formatError } from './format-error';
export { buildFederatedSchema, type FederatedSchema, type FederatedSchemaOptions, type ReferenceResolvers } from './build-federated-schema';
export {
  startGraphQLHttpServer,
  type RunningServer,
  type HealthCheck,
  type HttpRoutes,
  type GraphQLHttpServerOptions,
} from './graphql-http-server';
export { handleGraphQLRequest, MAX_BODY_BYTES } from './http-graphql';
export { answerAfterUnreadBody } from './unread-body';
export { httpStatusOf, signedPrincipal } from './route-errors';
export { stopOnSignals } from './shutdown';
export { apolloLogger, type ApolloLogger } from './apollo-logger';
export { SUBGRAPH_PORTS, SUBGRAPH_NAMES, GATEWAY_PORT, subgraphPort, subgraphUrl, type SubgraphName } from './service-directory';
export { createSubgraphClient, type SubgraphClient } from './subgraph-client';
export { serviceDocument, sendDocument, isServiceDocument, type ServiceDocument, type AnyServiceDocument } from './service-document';
export { startSubgraph, runSubgraph, type StartSubgraphOptions } from './run-subgraph';
export { runSubgraphMain } from './run-subgraph-main';
export { defineSubgraph, type SubgraphDefinition, type SubgraphSpec, type SubgraphParts, type BuiltSubgraph } from './define-subgraph';
export { backgroundPart, releasePart, startBackground, stopBackground, type BackgroundPart } from './background/background-part';
export { clockPart } from './background/clock-part';
export {
  connectEventStreams,
  eventStreamsPart,
  outboxRelayPart,
  type EventStreams,
  type EventStreamsOptions,
  type GroupOptions,
} from './background/event-streams';
export { PremiumFeature, PREMIUM_FEATURES } from './premium-feature';
export { principalContext, type SubgraphContext } from './principal-context';
export { assertVisible, scopeToTenant, tenantScopeMiddleware, type TenantOwnership } from './tenant-scope';
export { printSubgraphSdl, buildUnopenedSubgraph, unguardedRootFields } from './print-subgraph-sdl';
export {
  Access,
  SUPPORT,
  STAFF,
  CUSTOMER_USERS,
  CUSTOMER_SIDE,
  accessPoliciesOf,
  accessPolicyMiddleware,
  rootFieldsWithoutPolicy,
  type AccessPolicies,
} from './access-policy';
export {
  EARLIEST_YEAR,
  LATEST_YEAR,
  isCalendarDate,
  isPlausibleInstant,
  isDecimalString,
  isNotBlank,
  hasAtMostDecimals,
  HasAtMostDecimals,
  IsCalendarDate,
  IsPlausibleInstant,
  IsDecimalString,
  IsNotBlank,
  calendarDateArg,
  plausibleInstantArg,
  type DecimalColumn,
} from './input-validators';
export { MAX_URL_LENGTH, isPublicHttpsUrl, IsPublicHttpsUrl } from './input-validators';
export { serverTlsFromEnv, type ServerTls } from './tls/server-tls';
export {
  createSubgraphTransport,
  defaultSubgraphTransport,
  subgraphTransportFromEnv,
  type SubgraphTransport,
} from './tls/subgraph-transport';
export {
  assertTransportSecurity,
  listenerHop,
  mysqlHop,
  plainHops,
  redisHop,
  subgraphHop,
  transportSecurityFromEnv,
  type Hop,
  type TransportSecurity,
} from './tls/transport-security';
