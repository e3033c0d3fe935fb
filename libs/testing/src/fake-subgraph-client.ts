import type { AnyServiceDocument, ServiceDocument, SubgraphClient } from '@polyplus/subgraph-kit';
import { serviceDocumentErrors } from './service-document-check';

/** How a test double answers one document: from its variables, as the callee would. */
export type FakeRoute = { document: AnyServiceDocument; respond: (variables: Record<string, unknown>) => unknown };

/** Pairs a document with the test double's answer to it (typed by the document). */
export function answer<TData, TVariables extends Record<string, unknown>>(
  document: ServiceDocument<TData, TVariables>,
  respond: (variables: TVariables) => TData | Promise<TData>,
): FakeRoute {
  return { document, respond: (variables) => respond(variables as TVariables) };
}

/**
 * A stand-in for another subgraph that answers exactly the documents it is given, by value — never
 * by matching text fragments. Each document is checked against the callee's committed schema when
 * the double is built, so a test double cannot answer a query the real callee would refuse.
 */
export function fakeSubgraphClient(...routes: FakeRoute[]): SubgraphClient {
  const byText = new Map<string, FakeRoute>();
  for (const route of routes) {
    const errors = serviceDocumentErrors(route.document);
    if (errors.length > 0)
      throw new Error(
        `A document the ${route.document.callee} test double answers is invalid against its schema.graphql: ${errors.join('; ')}`,
      );
    byText.set(route.document.text, route);
  }
  return {
    async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const route = byText.get(query);
      if (!route) throw new Error(`The test double was sent a document it does not answer: ${query}`);
      return (await route.respond(variables)) as T;
    },
  };
}
