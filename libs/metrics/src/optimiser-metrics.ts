import { Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from './registry';

const runs = new Histogram({
  name: 'polyplus_optimiser_run_duration_seconds',
  help: 'Time of one optimisation run of a region (read the region, solve, check, commit), by outcome (committed; stale: a newer run owns the plan; failed).',
  labelNames: ['outcome'],
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30],
  registers: [metricsRegistry()],
});

// Plan quality of each region's latest run. Regions are the dispatch plan's planning areas: a short configured list.
const visits = new Gauge({
  name: 'polyplus_optimiser_plan_visits',
  help: 'Visits in the latest plan of a region, by state (served: on a route, unserved: left out).',
  labelNames: ['region', 'state'],
  registers: [metricsRegistry()],
});

const lateness = new Gauge({
  name: 'polyplus_optimiser_plan_lateness_seconds',
  help: 'Total lateness of the served visits in the latest plan of a region (arrival after the visit window).',
  labelNames: ['region'],
  registers: [metricsRegistry()],
});

const travel = new Gauge({
  name: 'polyplus_optimiser_plan_travel_seconds',
  help: 'Total technician travel time in the latest plan of a region.',
  labelNames: ['region'],
  registers: [metricsRegistry()],
});

export type OptimiserRun = {
  region: string;
  outcome: 'committed' | 'stale' | 'failed';
  runMs: number;
  /** Absent when the run produced no plan. */
  plan?: { served: number; unserved: number; latenessMs: number; travelMs: number };
};

/** Records one optimiser run; the plan quality gauges follow the region's latest plan. */
export function recordOptimiserRun(run: OptimiserRun): void {
  runs.observe({ outcome: run.outcome }, run.runMs / 1000);
  if (!run.plan || run.outcome !== 'committed') return;
  visits.set({ region: run.region, state: 'served' }, run.plan.served);
  visits.set({ region: run.region, state: 'unserved' }, run.plan.unserved);
  lateness.set({ region: run.region }, run.plan.latenessMs / 1000);
  travel.set({ region: run.region }, run.plan.travelMs / 1000);
}
