import { GeoPoint, Plan, RoutingProblem, TravelMatrixProvider } from './model';
import { greatCircleMatrix } from './travel-matrix';

/** Tolerance for instants recomputed in floating point (1 ms). */
const TOLERANCE_MS = 1;

/** Result of {@link checkPlan}: every broken rule, in words. */
export type PlanCheck = { feasible: boolean; violations: string[] };

/**
 * Validates a plan against the problem, from the raw input only (shares no code with the solver):
 * every visit planned or reported unassigned exactly once; skills; pins; release times; business
 * hours (the whole service inside one window); arrival after travel; shifts (leave no earlier than
 * the start, back by the end); maximum work; capacity; no overlapping stops per technician.
 */
export function checkPlan(problem: RoutingProblem, plan: Plan, travelMatrix: TravelMatrixProvider = greatCircleMatrix()): PlanCheck {
  const violations: string[] = [];
  const visitIndex = new Map(problem.visits.map((v, i) => [v.id, i]));
  const techIndex = new Map(problem.technicians.map((t, i) => [t.id, i]));
  const points: GeoPoint[] = problem.visits.map((v) => v.location);
  problem.technicians.forEach((t) => points.push(t.start, t.end ?? t.start));
  const matrix = travelMatrix(points);
  const nPoints = points.length;
  const nVisits = problem.visits.length;
  const travel = (a: number, b: number): number => matrix[a * nPoints + b];
  const count = new Map<string, number>();
  const bump = (id: string): void => void count.set(id, (count.get(id) ?? 0) + 1);
  const busy = new Map<string, [number, number][]>();

  for (const route of plan.routes) {
    const ti = techIndex.get(route.technicianId);
    const where = `${route.technicianId} shift ${route.shiftIndex}`;
    if (ti === undefined) {
      violations.push(`${where}: unknown technician`);
      continue;
    }
    const tech = problem.technicians[ti];
    const shift = tech.shifts[route.shiftIndex];
    if (!shift) {
      violations.push(`${where}: no such shift`);
      continue;
    }
    if (route.departAt < shift.start - TOLERANCE_MS) violations.push(`${where}: leaves before the shift starts`);
    let at = nVisits + 2 * ti;
    let time = route.departAt;
    let load = 0;
    let work = 0;
    for (const stop of route.stops) {
      const vi = visitIndex.get(stop.visitId);
      if (vi === undefined) {
        violations.push(`${where}: unknown visit ${stop.visitId}`);
        continue;
      }
      bump(stop.visitId);
      const visit = problem.visits[vi];
      const what = `${where}, visit ${visit.id}`;
      const leg = travel(at, vi);
      if (stop.arrivalAt < time + leg - TOLERANCE_MS) violations.push(`${what}: arrives before travel allows`);
      if (stop.startAt < stop.arrivalAt - TOLERANCE_MS) violations.push(`${what}: starts before arriving`);
      if (Math.abs(stop.endAt - stop.startAt - visit.serviceMs) > TOLERANCE_MS) violations.push(`${what}: wrong service duration`);
      if (visit.releaseAt !== undefined && stop.startAt < visit.releaseAt - TOLERANCE_MS)
        violations.push(`${what}: starts before its part is delivered`);
      const windows = visit.windows ?? [];
      if (windows.length > 0 && !windows.some((w) => stop.startAt >= w.start - TOLERANCE_MS && stop.endAt <= w.end + TOLERANCE_MS)) {
        violations.push(`${what}: outside business hours`);
      }
      const missing = (visit.requiredSkills ?? []).filter((s) => !tech.skills.includes(s));
      if (missing.length > 0) violations.push(`${what}: technician lacks ${missing.join(', ')}`);
      if (visit.pin?.technicianId !== undefined && visit.pin.technicianId !== tech.id)
        violations.push(`${what}: pinned to ${visit.pin.technicianId}`);
      if (visit.pin?.startAt !== undefined && Math.abs(stop.startAt - visit.pin.startAt) > TOLERANCE_MS)
        violations.push(`${what}: pinned start moved`);
      const list = busy.get(tech.id) ?? [];
      list.push([stop.startAt, stop.endAt]);
      busy.set(tech.id, list);
      load += visit.demand ?? 0;
      work += leg + visit.serviceMs;
      time = stop.endAt;
      at = vi;
    }
    const back = travel(at, nVisits + 2 * ti + 1);
    work += back;
    if (time + back > shift.end + TOLERANCE_MS) violations.push(`${where}: back after the shift ends`);
    if (route.returnAt < time + back - TOLERANCE_MS) violations.push(`${where}: return time earlier than travel allows`);
    if (load > (tech.capacity ?? Infinity)) violations.push(`${where}: load ${load} over capacity ${tech.capacity}`);
    if (work > (tech.maxWorkMs ?? Infinity) + TOLERANCE_MS) violations.push(`${where}: works ${work} ms, more than ${tech.maxWorkMs}`);
  }
  for (const [techId, intervals] of busy) {
    intervals.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < intervals.length; i++) {
      if (intervals[i][0] < intervals[i - 1][1] - TOLERANCE_MS) violations.push(`${techId}: overlapping stops`);
    }
  }
  for (const u of plan.unassigned) {
    if (!visitIndex.has(u.visitId)) violations.push(`unassigned list names unknown visit ${u.visitId}`);
    bump(u.visitId);
  }
  for (const v of problem.visits) {
    const c = count.get(v.id) ?? 0;
    if (c !== 1) violations.push(`visit ${v.id} appears ${c} times (planned or unassigned)`);
  }
  return { feasible: violations.length === 0, violations };
}
