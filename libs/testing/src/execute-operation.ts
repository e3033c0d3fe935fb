import { graphql, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { formatError } from '@polyplus/subgraph-kit';
import type { Principal } from '@polyplus/auth';

/** The caller integration tests act as unless they name another: a vendor support engineer. */
export const TEST_SUPPORT_ENGINEER: Principal = { subject: 'test-engineer', role: 'SUPPORT_ENGINEER', customerIds: [] };

export type OperationResult<T> = { data?: T | null; errors?: GraphQLFormattedError[] };

/** Runs an operation against the subgraph schema as the server would: validation, resolvers, error formatting. */
export async function executeOperation<T = Record<string, unknown>>(
  schema: GraphQLSchema,
  query: string,
  variables: Record<string, unknown> = {},
  principal: Principal = TEST_SUPPORT_ENGINEER,
): Promise<OperationResult<T>> {
  const result = await graphql({ schema, source: query, variableValues: variables, contextValue: { principal } });
  return {
    data: result.data as T | null | undefined,
    errors: result.errors?.map((error) => formatError(error.toJSON(), error, () => undefined)),
  };
}

export async function operationData<T = Record<string, unknown>>(
  schema: GraphQLSchema,
  query: string,
  variables: Record<string, unknown> = {},
  principal: Principal = TEST_SUPPORT_ENGINEER,
): Promise<T> {
  const result = await executeOperation<T>(schema, query, variables, principal);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}
