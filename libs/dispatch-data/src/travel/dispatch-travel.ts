import { greatCircleMatrix, greatCircleTravelMs, type GeoPoint, type GreatCircleOptions } from '@polyplus/routing';

/**
 * How dispatch estimates driving: great circle × 1.3 at 40 km/h, rounded up to whole minutes so
 * planned times fall on the minute. The scheduler plans with it and the planner's move check
 * judges with it: both must agree, or a move the check accepts could be one the plan refuses.
 */
const DISPATCH_TRAVEL: GreatCircleOptions = { roadFactor: 1.3, speedKmh: 40, roundUpToMs: 60_000 };

export const dispatchTravelMatrix = greatCircleMatrix(DISPATCH_TRAVEL);

export function dispatchTravelMs(from: GeoPoint, to: GeoPoint): number {
  return greatCircleTravelMs(from, to, DISPATCH_TRAVEL);
}

/** Plans start from the next whole minute, so every planned time is on the minute. */
export function planningOrigin(at: Date): number {
  return Math.ceil(at.getTime() / 60_000) * 60_000;
}
