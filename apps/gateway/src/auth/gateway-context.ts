import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { AuthError, verifyBearerToken, type AuthConfig, type Principal } from '@polyplus/auth';

export type GatewayContext = { principal: Principal };

/** Every gateway request carries a bearer token; the verified principal travels on to the subgraphs. */
export function gatewayContext(config: AuthConfig) {
  return async (request: IncomingMessage): Promise<GatewayContext> => {
    try {
      return { principal: await verifyBearerToken(request.headers.authorization, config) };
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
    }
  };
}
