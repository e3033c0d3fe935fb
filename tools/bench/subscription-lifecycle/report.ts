import type { BenchCase, Transition } from './transitions';

/** One `incident.status-changed` delivery as a subscriber received it. */
export type Delivery = { incidentId: string; status: string; at: number };

export type BenchRun = {
  customers: number;
  subscribers: number;
  rate: number;
  selection: string;
  /** Transitions without any subscriber before and after the measured ones with all of them. */
  alone: Transition[];
  aloneAfter: Transition[];
  measured: Transition[];
  /** Per subscriber, in arrival order; subscriber `s` follows `cases[s % cases.length]`. */
  feeds: Delivery[][];
  cases: BenchCase[];
  requests: Record<string, number>;
  /** Per measured event: its stream entry's time minus the event's own time (commit → stream). */
  streamLags: number[];
  /** Per measured event: its stream entry's time minus its mutation's answer at the client. */
  answerToStream: number[];
  /** CPU time the two subscription gateways used from the first measured transition until the fan-out drained. */
  gatewayCpuMs: number;
};

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const sortedNumbers = (values: number[]) => [...values].sort((a, b) => a - b);

/**
 * The figures of a run. A subscriber's k-th delivery about its case answers the case's k-th
 * measured transition (the case's transitions never overlap and each subscriber receives them in
 * order): it is stale when it shows another status than that transition set.
 */
export function summarise(run: BenchRun): string[] {
  const byCase = new Map<string, Transition[]>();
  for (const t of run.measured) byCase.set(t.incidentId, [...(byCase.get(t.incidentId) ?? []), t]);
  const latencies: number[] = [];
  let expected = 0;
  let delivered = 0;
  let stale = 0;
  let extra = 0;
  let lastDelivery = 0;
  for (const [s, received] of run.feeds.entries()) {
    const transitions = byCase.get(run.cases[s % run.cases.length].incidentId) ?? [];
    expected += transitions.length;
    for (const [k, delivery] of received.entries()) {
      const transition = transitions[k];
      if (!transition || delivery.incidentId !== transition.incidentId) {
        extra++;
        continue;
      }
      delivered++;
      lastDelivery = Math.max(lastDelivery, delivery.at);
      if (delivery.status !== transition.status) stale++;
      latencies.push(delivery.at - transition.answeredAt);
    }
  }
  const sorted = sortedNumbers(latencies);
  const lastMutation = Math.max(...run.measured.map((t) => t.answeredAt));
  const firstMutation = Math.min(...run.measured.map((t) => t.answeredAt - t.tookMs));
  const seconds = (lastMutation - firstMutation) / 1000;
  const totalRequests = Object.values(run.requests).reduce((sum, n) => sum + n, 0);
  const events = run.measured.length;
  const alone = sortedNumbers(run.alone.map((t) => t.tookMs));
  const aloneAfter = sortedNumbers(run.aloneAfter.map((t) => t.tookMs));
  const withSubscribers = sortedNumbers(run.measured.map((t) => t.tookMs));
  // Each customer's subscribers share one (customer scope, selection) pair.
  const pairs = Math.min(run.customers, run.subscribers);
  return [
    `${run.subscribers} subscribers of ${run.customers} customers (one case each) on 2 gateways; selection ${run.selection}`,
    `events: ${events} transitions in ${seconds.toFixed(1)} s (${(events / Math.max(seconds, 0.001)).toFixed(1)}/s, target ${run.rate}/s)`,
    `delivered: ${delivered} / ${expected} expected${extra > 0 ? ` (+${extra} unexpected)` : ''}; stale (another status than the event's): ${stale}`,
    `mutation response → delivered: p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted[sorted.length - 1]} ms; behind at the end ${((lastDelivery - lastMutation) / 1000).toFixed(1)} s`,
    `subgraph requests: ${(totalRequests / Math.max(events, 1)).toFixed(1)} per event (${Object.entries(run.requests)
      .filter(([, n]) => n > 0)
      .map(([name, n]) => `${name} ${(n / Math.max(events, 1)).toFixed(1)}`)
      .join(', ')}); an event concerns 1 of ${pairs} (customer, selection) pairs`,
    `event time → on the stream: p50 ${percentile(sortedNumbers(run.streamLags), 50)} ms, p99 ${percentile(sortedNumbers(run.streamLags), 99)} ms (${run.streamLags.length} events; the event time is taken as the mutation starts)`,
    `mutation answered → on the stream: p50 ${percentile(sortedNumbers(run.answerToStream), 50)} ms, p99 ${percentile(sortedNumbers(run.answerToStream), 99)} ms (negative: on the stream before the answer reached the client)`,
    `CPU of the two subscription gateways: ${(run.gatewayCpuMs / Math.max(events, 1)).toFixed(1)} ms per event (${(run.gatewayCpuMs / 1000).toFixed(1)} s in all)`,
    `mutation p50: ${percentile(alone, 50)} ms without subscribers before (${alone.length} transitions), ${percentile(withSubscribers, 50)} ms with them, ${percentile(aloneAfter, 50)} ms without them after`,
  ];
}
