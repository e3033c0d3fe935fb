// How many subgraph requests a product gateway has sent, read off its own /metrics (the hop histogram's
// count over every subgraph and outcome): taken before and after a load, it says how many subgraph
// requests each client request cost — what shared reads and batched entity look-ups save.
import { metricSamples } from '@polyplus/metrics';

export async function subgraphRequestsSent(graphqlUrl: string, metricsToken: string): Promise<number> {
  const response = await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'), { headers: { authorization: `Bearer ${metricsToken}` } });
  if (!response.ok) throw new Error(`${graphqlUrl}: /metrics answered ${response.status}`);
  return metricSamples(await response.text(), 'polyplus_gateway_subgraph_request_duration_seconds_count').reduce(
    (sum, sample) => sum + sample.value,
    0,
  );
}
