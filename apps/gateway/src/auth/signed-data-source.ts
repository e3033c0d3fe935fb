import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { signPrincipal } from '@polyplus/auth';
import { currentLogContext, REQUEST_ID_HEADER } from '@polyplus/logger';
import { timeSubgraphHop } from '@polyplus/metrics';
import { defaultSubgraphTransport, type SubgraphTransport } from '@polyplus/subgraph-kit';
import type { GatewayContext } from './gateway-context';
import { EntityBatches, entityBatchKey } from './entity-batches';
import { InFlightReads, sharedReadKey } from './shared-reads';
import { asGraphQLResponse } from './subgraph-response';

type SubgraphAnswer = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;

// The gateway merges later fetches into the objects of a subgraph's answer: every request that
// shares a read gets its own copy. The HTTP response (read for its cache-control header only) is the
// same for all.
function ownCopy({ http, ...body }: SubgraphAnswer): SubgraphAnswer {
  return { ...structuredClone(body), http } as SubgraphAnswer;
}

// The transport's pooled client (to https:// subgraphs with the configured CA and client certificate),
// with a subgraph's refusals read as its GraphQL errors (see asGraphQLResponse).
const subgraphFetch = (transport: SubgraphTransport) => async (url: string, init: RequestInit) =>
  asGraphQLResponse(await transport.fetch(url, init));

/** Forwards each subgraph request with the caller's principal, signed so the subgraph can trust it. */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly secret: string,
    transport: SubgraphTransport = defaultSubgraphTransport(),
    /** The subgraph's name in the supergraph: labels its hop latency. */
    private readonly subgraph = 'unnamed',
    /**
     * Whether reads in flight at once for one principal share requests (GATEWAY_SHARED_READS): identical
     * reads one request, entity reads of one turn of the event loop one batched request.
     */
    private readonly sharedReads = false,
  ) {
    // The transport's undici pool instead of the default client (node-fetch); figures in tools/bench/gateway-load.
    super({ url, fetcher: subgraphFetch(transport) as never });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Each hop carries the request id the gateway accepted or made, so the subgraph's lines name the same request.
    const { requestId } = currentLogContext();
    if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
    // Health checks and schema loads have no principal: they carry no signature and are refused.
    if (!('principal' in context) || !context.principal) return;
    for (const [name, value] of Object.entries(signPrincipal(context.principal, this.secret))) request.http?.headers.set(name, value);
  }

  private readonly inFlight = new InFlightReads<SubgraphAnswer>();
  private readonly batches = new EntityBatches<SubgraphAnswer>((options) => this.send(options));

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphAnswer> {
    const key = this.sharedReads ? sharedReadKey(options) : undefined;
    if (key === undefined) return this.send(options);
    // The first request's signature, request id and hop metric stand for all that share its read or batch.
    // Only a request that starts a read needs its batch key: one that joins a read in flight never sends.
    const read = () => {
      const batchKey = entityBatchKey(options);
      return batchKey === undefined ? this.send(options) : this.batches.read(batchKey, options);
    };
    return this.inFlight.share(key, read, ownCopy);
  }

  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphAnswer> {
    const done = timeSubgraphHop(this.subgraph);
    try {
      const response = await super.process(options);
      done(response.errors?.length ? 'error' : 'success');
      return response;
    } catch (error) {
      done('failure');
      throw error;
    }
  }
}
