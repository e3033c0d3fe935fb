import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GATEWAY_SCALAR_CHECKS, type ScalarCheck } from './custom-scalars';
import { coerceVariables, invalidInput, unresolvedOperation } from './request-input';
import { customScalarProblems } from './scalar-problems';

/**
 * Refuses bad input at the gateway, after validation and before the query plan or any subgraph
 * runs, as BAD_USER_INPUT with HTTP 400: no operation to run, variables that do not coerce to
 * their types, and custom scalar values (impossible dates...) in variables or arguments.
 */
export function inputValidationPlugin<TContext extends BaseContext>(
  checks: Readonly<Record<string, ScalarCheck>> = GATEWAY_SCALAR_CHECKS,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) throw unresolvedOperation(document, request.operationName);
          coerceVariables(schema, operation, request.variables);
          const problems = customScalarProblems(schema, document, operation, request.variables ?? {}, checks);
          if (problems.length > 0) throw invalidInput(problems);
        },
      };
    },
  };
}
