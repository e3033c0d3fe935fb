import { authConfig, servicePrincipal, signPrincipal } from '@polyplus/auth';
import { currentLogContext, REQUEST_ID_HEADER } from '@polyplus/logger';
import { DomainError, serviceUnavailable, type ErrorCode } from './errors';
import { defaultSubgraphTransport, type SubgraphTransport } from './tls/subgraph-transport';

type GraphQLResponse<T> = { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };

export type SubgraphClient = { request<T>(query: string, variables?: Record<string, unknown>): Promise<T> };

/**
 * Service-to-service queries (an entitlement or existence check in another subgraph): the only
 * way a subgraph learns about data it does not own besides federation keys. Errors keep their code.
 */
export function createSubgraphClient(
  name: string,
  url: string,
  timeoutMs = 5_000,
  caller = process.env.SERVICE_NAME ?? 'subgraph',
  // https:// subgraphs are reached with the configured CA and client certificate (SUBGRAPH_*).
  transport: SubgraphTransport = defaultSubgraphTransport(),
): SubgraphClient {
  const [secret] = authConfig().principalSecrets;
  return {
    async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      let response: Response;
      try {
        response = await transport.fetch(url, {
          method: 'POST',
          // Signed like the gateway signs: the callee trusts a service, never an anonymous caller.
          headers: { 'content-type': 'application/json', ...signPrincipal(servicePrincipal(caller), secret), ...requestIdHeader() },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch {
        throw serviceUnavailable(`The ${name} service cannot be reached`);
      }
      const payload = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
      const [first] = payload.errors ?? [];
      if (first) {
        const code = (first.extensions?.code ?? 'INTERNAL_SERVER_ERROR') as ErrorCode;
        throw new DomainError(code, first.message, { service: name });
      }
      if (!payload.data) throw serviceUnavailable(`The ${name} service answered without data (HTTP ${response.status})`);
      return payload.data;
    },
  };
}

// A call made while handling a request carries its id on, like the gateway's hops do.
function requestIdHeader(): Record<string, string> {
  const { requestId } = currentLogContext();
  return requestId ? { [REQUEST_ID_HEADER]: requestId } : {};
}
