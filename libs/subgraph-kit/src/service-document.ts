import type { SubgraphName } from './service-directory';
import type { SubgraphClient } from './subgraph-client';

const SERVICE_DOCUMENT = Symbol('polyplus.serviceDocument');

/**
 * A GraphQL document one service sends another, with the subgraph it is sent to. Every
 * service-to-service call goes through one of these constants, so a test can validate each against
 * the callee's committed `schema.graphql` and test doubles can answer by document, not by text.
 */
export type ServiceDocument<TData, TVariables extends Record<string, unknown>> = {
  readonly [SERVICE_DOCUMENT]: true;
  readonly callee: SubgraphName;
  readonly text: string;
  /** Type only: what the callee answers and the variables it takes. Never set. */
  readonly types?: { data: TData; variables: TVariables };
};

/** Any service document, whatever its answer and variables (for lists of them). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyServiceDocument = ServiceDocument<any, any>;

/** Declares the document `text` as sent to the `callee` subgraph. */
export function serviceDocument<TData, TVariables extends Record<string, unknown> = Record<string, never>>(
  callee: SubgraphName,
  text: string,
): ServiceDocument<TData, TVariables> {
  return { [SERVICE_DOCUMENT]: true, callee, text };
}

/** Whether a value is a document declared with `serviceDocument` (finds them among a module's exports). */
export function isServiceDocument(value: unknown): value is AnyServiceDocument {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SERVICE_DOCUMENT] === true;
}

/** Sends a declared document through a client; errors keep the callee's code as the client's do. */
export function sendDocument<TData, TVariables extends Record<string, unknown>>(
  client: SubgraphClient,
  document: ServiceDocument<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  return client.request<TData>(document.text, variables);
}
