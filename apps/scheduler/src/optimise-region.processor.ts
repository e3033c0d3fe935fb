import type { Job } from 'bullmq';
import type { OptimiseRegionJob } from '@polyplus/events';
import { dispatchTravelMatrix, planningOrigin, type RegionPlanStore } from '@polyplus/dispatch-data';
import { checkPlan, solveInWorker } from '@polyplus/routing';
import { buildRoutingProblem } from './problem/build-routing-problem';
import { planToCommit } from './problem/plan-to-commit';
import { planQuality, type PlanQuality } from './plan-quality';

export type OptimiseRegionResult = {
  region: string;
  version: number | null;
  openVisits: number;
  stale: boolean;
  optimiserMs: number;
  quality: PlanQuality;
};

export type ProcessorOptions = {
  now?: () => Date;
  timeLimitMs?: number;
  /** Test hook: runs between solving and committing. */
  beforeCommit?: () => Promise<void>;
};

/**
 * One job re-plans one region: read the region and its plan version, solve on a worker thread
 * (BullMQ's lock renewal keeps running), check hard constraints, commit only if still current.
 * A stale result is dropped: whatever made it stale enqueued a newer run.
 */
export function optimiseRegionProcessor(plans: RegionPlanStore, options: ProcessorOptions = {}) {
  const now = options.now ?? (() => new Date());
  return async (job: Job<OptimiseRegionJob>): Promise<OptimiseRegionResult> => {
    const plannedAt = now();
    const snapshot = await plans.loadRegion(job.data.region);
    // Shows the run is solving and from which plan version, so a run that outlives its lock can be told apart.
    await job.updateProgress({ phase: 'solving', baseVersion: snapshot.version });
    const { problem, previousPlan, excluded } = buildRoutingProblem(snapshot, planningOrigin(plannedAt));
    const started = Date.now();
    const plan = await solveInWorker(problem, {
      previousPlan,
      timeLimitMs: options.timeLimitMs ?? 2_000,
      seed: 1,
      travelMatrix: dispatchTravelMatrix,
    });
    const optimiserMs = Date.now() - started;
    const check = checkPlan(problem, plan, dispatchTravelMatrix);
    if (!check.feasible) throw new Error(`optimiser returned an infeasible plan: ${check.violations.slice(0, 3).join('; ')}`);
    await options.beforeCommit?.();
    const committed = await plans.commitPlan(planToCommit(snapshot, plan, excluded, plannedAt));
    return {
      region: job.data.region,
      version: committed?.version ?? null,
      openVisits: snapshot.visits.length,
      stale: committed === null,
      optimiserMs,
      quality: planQuality(plan, excluded),
    };
  };
}
