import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { AuthError, verifyPrincipal, type Principal } from '@polyplus/auth';

/** What every resolver of every subgraph gets: the caller the gateway vouched for. */
export type SubgraphContext = { request: IncomingMessage; principal: Principal };

/**
 * Builds the context of a request reaching a subgraph. Without a valid gateway signature nothing
 * runs, `_service` and `_entities` included: a subgraph reached directly gives nothing away.
 */
export function principalContext(secrets: readonly string[], now: () => Date = () => new Date()) {
  return async (request: IncomingMessage): Promise<SubgraphContext> => {
    try {
      return { request, principal: verifyPrincipal(request.headers, secrets, now()) };
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
    }
  };
}
