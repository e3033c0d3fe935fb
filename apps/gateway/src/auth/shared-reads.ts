import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { gatewaySubgraphGroup, readConfig } from '@polyplus/config';
import type { GatewayContext } from './gateway-context';

/** `GATEWAY_SHARED_READS` (on by default). */
export function sharedReadsFromEnv(env: NodeJS.ProcessEnv): boolean {
  return readConfig({ GATEWAY_SHARED_READS: gatewaySubgraphGroup.GATEWAY_SHARED_READS }, env).GATEWAY_SHARED_READS ?? true;
}

// A subgraph document the query planner wrote for a read: `query …` or the shorthand `{ … }`.
const READ_DOCUMENT = /^\s*(\{|query\b)/;

/**
 * What makes two subgraph requests the same read, or undefined when a request must go on its own:
 * a mutation (or anything in a mutation's plan), a health check or schema load, a caller without a
 * principal. The principal is the one the data source signs, so two principals never share.
 */
export function sharedReadKey(options: GraphQLDataSourceProcessOptions<GatewayContext>): string | undefined {
  // Only a client's operation has an incoming request (the package does not export the kinds' enum).
  if (!('incomingRequestContext' in options) || options.incomingRequestContext.operation?.operation !== 'query') return undefined;
  const { context, request } = options;
  if (!('principal' in context) || !context.principal || !request.query || !READ_DOCUMENT.test(request.query)) return undefined;
  return JSON.stringify([context.principal, request.query, request.operationName ?? null, request.variables ?? null]);
}

/**
 * Reads in flight, each shared by the identical requests that arrive before it is answered. Nothing
 * is kept after the answer: this is no cache, a read that starts later asks the subgraph again.
 */
export class InFlightReads<T> {
  private readonly pending = new Map<string, Promise<T>>();

  /** The answer of the read already in flight under `key`, or of `read()` started now. */
  share(key: string, read: () => Promise<T>): Promise<T> {
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const started = read().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }

  /** How many distinct reads are in flight (for tests). */
  get size(): number {
    return this.pending.size;
  }
}
