import type { Plan } from '@polyplus/routing';

/** What a plan does for the region: visits served and left out, total lateness and travel. */
export type PlanQuality = { served: number; unserved: number; latenessMs: number; travelMs: number };

/**
 * Measures a solved plan. Visits that could not enter the problem at all (`excluded`: no part ETA,
 * no site location) are left out as surely as those the optimiser could not place.
 */
export function planQuality(plan: Plan, excluded: readonly unknown[]): PlanQuality {
  let served = 0;
  let latenessMs = 0;
  let travelMs = 0;
  for (const route of plan.routes) {
    served += route.stops.length;
    travelMs += route.travelMs;
    for (const stop of route.stops) latenessMs += stop.lateMs;
  }
  return { served, unserved: plan.unassigned.length + excluded.length, latenessMs, travelMs };
}
