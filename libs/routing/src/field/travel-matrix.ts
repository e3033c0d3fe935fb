import { GeoPoint, TravelMatrixProvider } from './model';

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle (haversine) distance in kilometres. */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type GreatCircleOptions = {
  roadFactor?: number;
  speedKmh?: number;
  /** Rounds every duration up to a multiple of this (e.g. 60 000: whole minutes, so plans start on the minute). */
  roundUpToMs?: number;
};

/** Great-circle travel time in ms between two points, as {@link greatCircleMatrix} computes it. */
export function greatCircleTravelMs(a: GeoPoint, b: GeoPoint, options: GreatCircleOptions = {}): number {
  const exact = (greatCircleKm(a, b) * 3_600_000 * (options.roadFactor ?? 1.3)) / (options.speedKmh ?? 40);
  return options.roundUpToMs ? Math.ceil(exact / options.roundUpToMs) * options.roundUpToMs : exact;
}

/** Default provider: great-circle distance × road factor ÷ speed, in milliseconds. */
export function greatCircleMatrix(options: GreatCircleOptions = {}): TravelMatrixProvider {
  const roadFactor = options.roadFactor ?? 1.3;
  const speedKmh = options.speedKmh ?? 40;
  const msPerKm = (3_600_000 * roadFactor) / speedKmh;
  const step = options.roundUpToMs;
  return (points) => {
    const n = points.length;
    const out = new Float64Array(n * n);
    // Radians and cosines once per point, not once per pair.
    const lat = Float64Array.from(points, (p) => (p.lat * Math.PI) / 180);
    const lon = Float64Array.from(points, (p) => (p.lon * Math.PI) / 180);
    const cosLat = lat.map(Math.cos);
    const scale = 2 * EARTH_RADIUS_KM * msPerKm;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const sLat = Math.sin((lat[j] - lat[i]) / 2);
        const sLon = Math.sin((lon[j] - lon[i]) / 2);
        const h = sLat * sLat + cosLat[i] * cosLat[j] * sLon * sLon;
        const exact = scale * Math.asin(Math.min(1, Math.sqrt(h)));
        const t = step ? Math.ceil(exact / step) * step : exact;
        out[i * n + j] = t;
        out[j * n + i] = t;
      }
    }
    return out;
  };
}
