import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { isDatabaseUnavailable } from '@polyplus/persistence';
import { serviceLogger } from '@polyplus/logger';

type FieldProblem = { field: string; problems: string[] };

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// Codes we raise on purpose (DomainError, here or in a subgraph behind the gateway) and codes
// graphql-js / Apollo Server give to malformed requests: their messages are written for clients.
const CLIENT_SAFE_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'INTROSPECTION_DISABLED',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
]);

// The extensions our errors carry on purpose (DomainError extras, class-validator fields, limits).
// Everything else is dropped: a relayed subgraph response (its URL and body), a stack trace, the
// serviceName the gateway adds (it maps our topology), whatever a library attaches.
const SAFE_EXTENSION_KEYS = [
  'code',
  'field', // badUserInput: the input field at fault
  'fields', // class-validator failures: each field and its problems
  'rows', // bulk device registration: the rows at fault
  'entity', // notFound: the kind of record
  'id', // notFound: the id asked for
  'reason', // entitlement refusals: why
  'limit', // QUERY_TOO_COMPLEX: which limit, the query's value and the maximum
  'value',
  'maximum',
  'retryAfterSeconds', // RATE_LIMITED
] as const;

function safeExtensions(extensions: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    SAFE_EXTENSION_KEYS.filter((key) => Object.hasOwn(extensions, key) && extensions[key] !== undefined).map((key) => [
      key,
      extensions[key],
    ]),
  );
}

const UNAVAILABLE_MESSAGE = 'A service is temporarily unavailable; try again shortly';

// An error thrown by our code or a library (TypeORM, mysql2...): never shown. Errors the gateway
// relays from a subgraph arrive as plain objects, already formatted by that subgraph.
function isUnexpected(error: unknown): boolean {
  if (error instanceof GraphQLError) return error.originalError instanceof Error && !(error.originalError instanceof GraphQLError);
  return error instanceof Error;
}

/**
 * Keeps domain and request errors, turns class-validator failures into BAD_USER_INPUT naming each
 * field, and masks everything else: no stack, SQL or internals leave the process.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (e: unknown) => void = (e) => serviceLogger('graphql').error({ err: e }, 'request error'),
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) {
    const validationErrors = original.extensions.validationErrors;
    if (!Array.isArray(validationErrors)) {
      // A validator threw instead of judging the value: the input is refused, the validator's bug is logged.
      log(validationErrors);
      return { message: 'Invalid input', path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
    }
    const fields = flatten(validationErrors as ValidationError[]);
    const summary = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ');
    return { message: `Invalid input: ${summary}`, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', fields } };
  }
  if (isNetworkFailure(original) || (original instanceof GraphQLError && isNetworkFailure(original.originalError))) {
    // The gateway could not reach a subgraph: say so, without naming it or its address.
    return { message: UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  if (isDatabaseUnavailable(original)) {
    // The database is down or restarting: a retry shortly may succeed. The driver's message (host, port) stays in the log.
    log(original);
    return { message: UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_SAFE_CODES.has(code) && !isUnexpected(original)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: safeExtensions(formatted.extensions ?? {}),
    };
  }
  log(original);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** A request that never got an answer: node-fetch's FetchError, or Node's own fetch ("fetch failed", cause ECONNREFUSED...). */
function isNetworkFailure(error: unknown): boolean {
  // By name, not instanceof: fetch's errors may come from another realm (a VM context, a worker).
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return name === 'FetchError' || (name === 'TypeError' && message === 'fetch failed');
}
