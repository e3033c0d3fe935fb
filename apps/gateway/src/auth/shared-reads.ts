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

type Waiter<T> = { resolve: (answer: T) => void; reject: (error: unknown) => void };

/**
 * Reads in flight, each shared by the identical requests that arrive before it is answered. Nothing
 * is kept after the answer: this is no cache, a read that starts later asks the subgraph again.
 */
export class InFlightReads<T> {
  private readonly pending = new Map<string, Waiter<T>[]>();

  /**
   * The answer of the read already in flight under `key`, or of `read()` started now. The first
   * caller gets the answer itself and every other one a `copy` of it, made before any of them resumes
   * (callers may change what they get): a read nobody joined is never copied.
   */
  share(key: string, read: () => Promise<T>, copy: (answer: T) => T): Promise<T> {
    let waiters = this.pending.get(key);
    if (!waiters) {
      const started: Waiter<T>[] = [];
      waiters = started;
      this.pending.set(key, started);
      read()
        .finally(() => this.pending.delete(key))
        .then(
          (answer) => started.forEach((waiter, index) => waiter.resolve(index === 0 ? answer : copy(answer))),
          (error: unknown) => started.forEach((waiter) => waiter.reject(error)),
        );
    }
    const joined = waiters;
    return new Promise<T>((resolve, reject) => joined.push({ resolve, reject }));
  }

  /** How many distinct reads are in flight (for tests). */
  get size(): number {
    return this.pending.size;
  }
}
