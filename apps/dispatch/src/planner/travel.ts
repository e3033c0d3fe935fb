import { greatCircleKm, type GeoPoint } from '@polyplus/routing';

// The optimiser's default travel model (libs/routing greatCircleMatrix): great circle × 1.3 at 40 km/h.
const ROAD_FACTOR = 1.3;
const SPEED_KMH = 40;

/** Driving time between two points in ms, as the scheduler estimates it. */
export function travelMs(from: GeoPoint, to: GeoPoint): number {
  return (greatCircleKm(from, to) * ROAD_FACTOR * 3_600_000) / SPEED_KMH;
}
