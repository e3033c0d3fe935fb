import { getVariableValues, Kind, type DocumentNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { DomainError } from '@polyplus/subgraph-kit';

// Refused before anything runs: the request, not the service, is at fault.
const BAD_REQUEST_STATUS = { http: { status: 400 } };

/** BAD_USER_INPUT answered with HTTP 400, every problem in the message. */
export function invalidInput(problems: readonly string[]): DomainError {
  return new DomainError('BAD_USER_INPUT', problems.join('\n'), BAD_REQUEST_STATUS);
}

/**
 * The request's variables coerced to the operation's variable types, or BAD_USER_INPUT (HTTP 400)
 * naming each variable that is missing, null where it may not be, or of the wrong shape or type.
 */
export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 20 });
  if (result.errors) throw invalidInput(result.errors.map((error: GraphQLError) => error.message));
  return result.coerced;
}

/** The document has no operation the request can mean: an unknown `operationName`, or several operations and none named. */
export function unresolvedOperation(document: DocumentNode, operationName: string | null | undefined): DomainError {
  const named = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
  const message = operationName
    ? `Unknown operation named "${operationName}"`
    : named > 1
      ? 'The document holds several operations: name the one to run in operationName'
      : 'The document holds no operation to run';
  return new DomainError('BAD_USER_INPUT', message, BAD_REQUEST_STATUS);
}
