import type { BaseContext, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { getOperationAST } from 'graphql';
import { inputValidationPlugin } from '../input/input-validation.plugin';
import { queryLimitsPlugin } from '../limits/query-limits.plugin';
import type { DocumentLimits } from './subscription-server';

/**
 * The HTTP path's input checks (variables, custom scalars) and query limits (depth, aliases, cost)
 * applied to a subscription document: the same plugins, called in the same order at the same stage
 * (a parsed, validated operation), so both paths refuse alike.
 */
export function subscriptionLimits(plugins = [inputValidationPlugin<BaseContext>(), queryLimitsPlugin<BaseContext>()]): DocumentLimits {
  return async (schema, document, operationName, variables) => {
    const operation = getOperationAST(document, operationName) ?? undefined;
    // Only the fields the plugins read; the rest of a request context has no meaning here.
    const context = { schema, document, operation, operationName, request: { operationName, variables } };
    for (const plugin of plugins) {
      const listener = await plugin.requestDidStart?.({} as never);
      await listener?.didResolveOperation?.(context as unknown as GraphQLRequestContextDidResolveOperation<BaseContext>);
    }
  };
}
