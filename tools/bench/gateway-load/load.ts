// One load run of one target: autocannon on loopback, requests handed out in turn from a list.
import autocannon from 'autocannon';

export type BenchRequest = { body: string; headers: Record<string, string> };
export type Figures = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Subgraph requests per client request, where the target's metrics tell (the product's gateways). */
  subgraphRequestsPerRequest?: number;
};

/** A benchmark of error answers measures nothing: every distinct request must answer its incident first. */
async function probe(url: string, requests: readonly BenchRequest[]): Promise<void> {
  for (const request of requests) {
    const answer = (await (await fetch(url, { method: 'POST', headers: request.headers, body: request.body })).json()) as {
      data?: { incident?: unknown };
      errors?: unknown;
    };
    if (!answer.data?.incident || answer.errors) throw new Error(`${url}: ${JSON.stringify(answer)}`);
  }
}

/** `subgraphRequests`: reads the target's count of subgraph requests sent, to report them per client request. */
export async function load(
  url: string,
  requests: readonly BenchRequest[],
  duration: number,
  connections: number,
  subgraphRequests?: () => Promise<number>,
): Promise<Figures> {
  await probe(url, requests);
  const before = await subgraphRequests?.();
  // One counter for all connections: each request takes the next of the list, so the requests in flight
  // at any moment name different entries (per-connection cycling would keep connections in step, all
  // asking for the same entry at once, and make a distinct workload look identical).
  let next = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration,
    requests: [
      {
        setupRequest: (request) => {
          const { body, headers } = requests[next++ % requests.length];
          return { ...request, body, headers };
        },
      },
    ],
  });
  const after = await subgraphRequests?.();
  return {
    ...(before !== undefined && after !== undefined ? { subgraphRequestsPerRequest: (after - before) / result.requests.total } : {}),
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
