import { Rng } from '../core/rng';
import { GeoPoint, RoutingProblem, Technician, Visit } from '../field/model';

/** Settings of {@link generateFieldProblem}; a test and benchmark factory, not production data. */
export type FieldProblemSpec = {
  seed: number;
  visits: number;
  technicians: number;
  days?: number;
  /** Epoch ms of day 0, 00:00 UTC. */
  dayZero?: number;
  radiusKm?: number;
  skills?: string[];
  /** Share of visits waiting for a part (release time), default 0.4. */
  releaseShare?: number;
  capacity?: number;
  /** Service duration range in minutes (default 30–90, in 15-minute steps). */
  serviceMinutes?: [number, number];
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A reproducible field-service problem around Paris: technicians with 08:00–17:00 shifts per day,
 * visits with business hours 08:00–18:00 each day, some with a part delivery time, one required
 * skill, a severity and a response target.
 */
export function generateFieldProblem(spec: FieldProblemSpec): RoutingProblem {
  const rng = new Rng(spec.seed);
  const days = spec.days ?? 1;
  const dayZero = spec.dayZero ?? Date.UTC(2026, 0, 5);
  const radius = spec.radiusKm ?? 30;
  const skills = spec.skills ?? ['printer', 'network', 'server', 'storage'];
  const centre: GeoPoint = { lat: 48.8566, lon: 2.3522 };
  const point = (): GeoPoint => {
    const r = radius * Math.sqrt(rng.next());
    const a = 2 * Math.PI * rng.next();
    return {
      lat: centre.lat + (r * Math.sin(a)) / 111.2,
      lon: centre.lon + (r * Math.cos(a)) / (111.2 * Math.cos((centre.lat * Math.PI) / 180)),
    };
  };
  const technicians: Technician[] = Array.from({ length: spec.technicians }, (_x, i) => {
    const own = skills.filter(() => rng.next() < 0.5);
    if (own.length === 0) own.push(skills[i % skills.length]);
    return {
      id: `T${i}`,
      start: point(),
      shifts: Array.from({ length: days }, (_y, d) => ({ start: dayZero + d * DAY + 8 * HOUR, end: dayZero + d * DAY + 17 * HOUR })),
      skills: own,
      maxWorkMs: 8 * HOUR,
      capacity: spec.capacity ?? 40,
    };
  });
  const visits: Visit[] = Array.from({ length: spec.visits }, (_x, i) => {
    const [lo, hi] = spec.serviceMinutes ?? [30, 90];
    const serviceMs = (lo + 15 * rng.int(Math.floor((hi - lo) / 15) + 1)) * 60_000;
    const windows = Array.from({ length: days }, (_y, d) => ({ start: dayZero + d * DAY + 8 * HOUR, end: dayZero + d * DAY + 18 * HOUR }));
    const released = rng.next() < (spec.releaseShare ?? 0.4);
    const releaseAt = released ? dayZero + 8 * HOUR + rng.int(Math.max(1, days * 24 - 16)) * HOUR : undefined;
    const severity = 1 + rng.int(4);
    return {
      id: `V${i}`,
      location: point(),
      serviceMs,
      windows,
      releaseAt,
      requiredSkills: [skills[rng.int(skills.length)]],
      severity,
      targetAt: dayZero + 8 * HOUR + (2 + severity * 3 + rng.int(6)) * HOUR,
      demand: 1 + rng.int(3),
    };
  });
  return { visits, technicians };
}
