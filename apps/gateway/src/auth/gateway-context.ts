import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { anonymousPrincipal, AuthError, verifiedTokens, type AuthConfig, type Principal } from '@polyplus/auth';
import type { RateLimiter } from '../limits/rate-limiter';

export type GatewayContext = { principal: Principal };

function tooManyRequests(retryAfterMs: number): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new GraphQLError(`Too many requests; retry after ${retryAfterSeconds} s`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

/**
 * A request with a bearer token is its verified principal; a request with no Authorization header
 * at all is the anonymous PUBLIC principal, which only fields open to PUBLIC answer. A bad, expired
 * or empty credential is 401, never anonymous. The principal travels on to the subgraphs. The rate
 * limit is charged per principal (anonymous callers per client address), after authentication, so
 * a forged token costs nothing. A token verified once is not verified again until it expires.
 */
export function gatewayContext(config: AuthConfig, limiter?: RateLimiter) {
  const verifyBearerToken = verifiedTokens(config);
  return async (request: IncomingMessage): Promise<GatewayContext> => {
    let principal: Principal;
    try {
      principal =
        request.headers.authorization === undefined ? anonymousPrincipal() : await verifyBearerToken(request.headers.authorization);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
    }
    const decision = await limiter?.take(principal, request);
    if (decision && !decision.allowed) throw tooManyRequests(decision.retryAfterMs);
    return { principal };
  };
}
