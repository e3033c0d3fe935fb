import { graphql, type GraphQLSchema } from 'graphql';
import { servicePrincipal, type Principal } from '@polyplus/auth';
import { DomainError, type ErrorCode, type SubgraphClient } from '@polyplus/subgraph-kit';
import type { PersonalDataPeer } from './personal-data-peer';
import type { ExportSubject } from './subject';
import type { ExportRecord } from './export-page';

/**
 * A subgraph schema called in this process as a service would call it over HTTP (errors keep
 * their code): integration tests reach a service's personal-data fields without a server.
 */
export function inProcessClient(schema: GraphQLSchema, principal: Principal = servicePrincipal('customers')): SubgraphClient {
  return {
    async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const result = await graphql({ schema, source: query, variableValues: variables, contextValue: { principal } });
      const [first] = result.errors ?? [];
      if (first)
        throw new DomainError((first.extensions?.code as ErrorCode | undefined) ?? 'INTERNAL_SERVER_ERROR', first.message, {
          ...first.extensions,
        });
      return result.data as T;
    },
  };
}

/** Every page of a service's export, read into memory: for tests, never for a real export. */
export async function collectExport(
  peer: PersonalDataPeer,
  subject: ExportSubject,
  limit = 50,
): Promise<(ExportRecord & { record: Record<string, unknown> })[]> {
  const records: (ExportRecord & { record: Record<string, unknown> })[] = [];
  let after: string | null = null;
  do {
    const page = await peer.exportPage(subject, after, limit);
    records.push(...page.records.map((record) => ({ ...record, record: JSON.parse(record.data) as Record<string, unknown> })));
    after = page.next;
  } while (after);
  return records;
}
