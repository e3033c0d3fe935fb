import { Histogram } from 'prom-client';
import { metricsRegistry } from './registry';

const hops = new Histogram({
  name: 'polyplus_gateway_subgraph_request_duration_seconds',
  help: 'Gateway to subgraph requests (one per fetch of a query plan), by subgraph and outcome (success, error: GraphQL errors, failure: no GraphQL answer).',
  labelNames: ['subgraph', 'outcome'],
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry()],
});

export type HopOutcome = 'success' | 'error' | 'failure';

/** Starts timing one request to `subgraph` (a name from the supergraph: bounded); call the result with its outcome. */
export function timeSubgraphHop(subgraph: string): (outcome: HopOutcome) => void {
  const end = hops.startTimer({ subgraph });
  return (outcome) => {
    end({ outcome });
  };
}
