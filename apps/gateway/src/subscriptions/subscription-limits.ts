import type { BaseContext, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { getOperationAST } from 'graphql';
import { queryLimitsPlugin } from '../limits/query-limits.plugin';
import type { DocumentLimits } from './subscription-server';

/**
 * The HTTP path's query limits (depth, aliases, cost) applied to a subscription document: the same
 * plugin, called at the same stage (a parsed, validated operation), so both paths refuse alike.
 */
export function subscriptionLimits(plugin = queryLimitsPlugin<BaseContext>()): DocumentLimits {
  return async (schema, document, operationName, variables) => {
    const listener = await plugin.requestDidStart?.({} as never);
    const operation = getOperationAST(document, operationName) ?? undefined;
    // Only the fields the plugin reads; the rest of a request context has no meaning here.
    const context = { schema, document, operation, operationName, request: { operationName, variables } };
    await listener?.didResolveOperation?.(context as unknown as GraphQLRequestContextDidResolveOperation<BaseContext>);
  };
}
