import type { Job } from 'bullmq';
import type { OptimiseRegionJob } from '@polyplus/events';
import type { RegionPlan, RegionPlanStore } from '@polyplus/dispatch-data';

/** Wires the queue to the use case: one job re-plans one region and commits a new plan version. */
export function optimiseRegionProcessor(plans: RegionPlanStore, now: () => Date = () => new Date()) {
  return async (job: Job<OptimiseRegionJob>): Promise<Pick<RegionPlan, 'region' | 'version' | 'openVisits'>> => {
    const plan = await plans.commitRun(job.data.region, now());
    return { region: plan.region, version: plan.version, openVisits: plan.openVisits };
  };
}
