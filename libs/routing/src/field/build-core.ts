import { CoreProblem, createCoreProblem } from '../core/core-problem';
import { GeoPoint, RoutingProblem, SolveOptions, Technician, UnassignedReason, Visit } from './model';
import { greatCircleMatrix } from './travel-matrix';

// Lexicographic objective approximated by weights (internal unit: seconds of travel).
const UNASSIGNED_PENALTY = 1e12;
const LATENESS_VS_TRAVEL = 100;
const TECHNICIAN_COST = 1e5;
const DEFAULT_MOVE_PENALTY_MS = 15 * 60_000;
const DEFAULT_SEVERITY_WEIGHTS: Record<number, number> = { 1: 8, 2: 4, 3: 2, 4: 1 };

/** The core problem plus what is needed to map its solution back to the public model. */
/** Lateness weight of a severity (1 = most severe). */
export function severityWeight(options: SolveOptions, severity: number | undefined): number {
  return options.severityWeights?.[severity ?? 4] ?? DEFAULT_SEVERITY_WEIGHTS[severity ?? 4] ?? 1;
}

export type BuiltProblem = {
  core: CoreProblem;
  /** Core visit k is problem.visits[visitOfCore[k]]. */
  visitOfCore: number[];
  routeTechnician: number[];
  routeShift: number[];
  excluded: { visit: number; reason: UnassignedReason }[];
  /** Epoch ms of internal time 0 (internal times are seconds). */
  originMs: number;
};

type Window = [number, number];

export function buildCore(problem: RoutingProblem, options: SolveOptions): BuiltProblem {
  const { visits, technicians } = problem;
  const T = technicians.length;
  const points = problemPoints(problem);
  // Converted to seconds once; the provider's array is not kept (it is the largest allocation).
  const matrixMs = (options.travelMatrix ?? greatCircleMatrix())(points);
  const routeTechnician: number[] = [];
  const routeShift: number[] = [];
  technicians.forEach((t, ti) => t.shifts.forEach((_s, si) => (routeTechnician.push(ti), routeShift.push(si))));
  const R = routeTechnician.length;
  const allShifts = technicians.flatMap((t) => t.shifts);
  const originMs = allShifts.length > 0 ? Math.min(...allShifts.map((s) => s.start)) : 0;
  const horizonEnd = allShifts.length > 0 ? Math.max(...allShifts.map((s) => s.end)) : 0;
  const sec = (ms: number): number => (ms - originMs) / 1000;
  const nLoc = points.length;
  const travel = new Float64Array(nLoc * nLoc);
  for (let i = 0; i < travel.length; i++) travel[i] = matrixMs[i] / 1000;
  const d = (a: number, b: number): number => travel[a * nLoc + b];

  const routeStart = Float64Array.from(routeTechnician.map((ti, r) => sec(technicians[ti].shifts[routeShift[r]].start)));
  const routeEnd = Float64Array.from(routeTechnician.map((ti, r) => sec(technicians[ti].shifts[routeShift[r]].end)));
  const routeStartLocation = Int32Array.from(routeTechnician.map((ti) => ti));
  const routeEndLocation = Int32Array.from(routeTechnician.map((ti) => T + ti));
  const routeCapacity = Float64Array.from(routeTechnician.map((ti) => technicians[ti].capacity ?? Infinity));
  const routeMaxWork = Float64Array.from(routeTechnician.map((ti) => (technicians[ti].maxWorkMs ?? Infinity) / 1000));

  const excluded: BuiltProblem['excluded'] = [];
  const visitOfCore: number[] = [];
  const windows: Window[][] = [];
  const compatRows: Uint8Array[] = [];
  visits.forEach((visit, vi) => {
    const loc = 2 * T + vi;
    const svc = visit.serviceMs / 1000;
    const skilled = skilledTechnicians(visit, technicians);
    if (visit.pin?.technicianId !== undefined && skilled.length === 0) return excluded.push({ visit: vi, reason: 'PIN_CONFLICT' });
    if (skilled.length === 0) return excluded.push({ visit: vi, reason: 'NO_SKILLED_TECHNICIAN' });
    const demand = visit.demand ?? 0;
    if (skilled.every((ti) => demand > (technicians[ti].capacity ?? Infinity)))
      return excluded.push({ visit: vi, reason: 'OVER_CAPACITY' });
    const release = visit.releaseAt === undefined ? -Infinity : sec(visit.releaseAt);
    const starts = startWindows(visit, svc, sec, sec(horizonEnd), release);
    if (starts.length === 0) {
      const withoutRelease = startWindows(visit, svc, sec, sec(horizonEnd), -Infinity);
      const reason =
        visit.pin?.startAt !== undefined ? 'PIN_CONFLICT' : withoutRelease.length > 0 ? 'RELEASE_AFTER_HORIZON' : 'NO_FEASIBLE_SLOT';
      return excluded.push({ visit: vi, reason });
    }
    const row = new Uint8Array(R);
    const skilledSet = new Set(skilled);
    let any = false;
    for (let r = 0; r < R; r++) {
      const ti = routeTechnician[r];
      if (!skilledSet.has(ti) || demand > routeCapacity[r]) continue;
      // Alone on the shift: the cheapest possible use of this route.
      const arrival = routeStart[r] + d(ti, loc);
      const w = starts.find(([, e]) => e >= arrival);
      if (!w) continue;
      const st = Math.max(arrival, w[0]);
      if (st + svc + d(loc, T + ti) > routeEnd[r]) continue;
      if (d(ti, loc) + svc + d(loc, T + ti) > routeMaxWork[r]) continue;
      row[r] = 1;
      any = true;
    }
    if (!any) {
      const lastShiftEnd = Math.max(...skilled.flatMap((ti) => technicians[ti].shifts.map((s) => sec(s.end))));
      return excluded.push({
        visit: vi,
        reason: release + svc > lastShiftEnd ? 'RELEASE_AFTER_HORIZON' : visit.pin ? 'PIN_CONFLICT' : 'NO_FEASIBLE_SLOT',
      });
    }
    visitOfCore.push(vi);
    windows.push(starts);
    compatRows.push(row);
  });

  const n = visitOfCore.length;
  const windowOffset = new Int32Array(n + 1);
  windows.forEach((w, k) => (windowOffset[k + 1] = windowOffset[k] + w.length));
  const flat = windows.flat();
  const compatible = new Uint8Array(n * R);
  compatRows.forEach((row, k) => compatible.set(row, k * R));
  const coreVisits = visitOfCore.map((vi) => visits[vi]);
  const previousRoute = previousRoutes(options, coreVisits, technicians, routeTechnician, routeShift);
  const core = createCoreProblem({
    nVisits: n,
    nRoutes: R,
    nLocations: nLoc,
    travel,
    visitLocation: Int32Array.from(visitOfCore.map((vi) => 2 * T + vi)),
    service: Float64Array.from(coreVisits.map((v) => v.serviceMs / 1000)),
    demand: Float64Array.from(coreVisits.map((v) => v.demand ?? 0)),
    windowOffset,
    windowStart: Float64Array.from(flat.map((w) => w[0])),
    windowEnd: Float64Array.from(flat.map((w) => w[1])),
    latenessWeight: Float64Array.from(coreVisits.map((v) => (v.targetAt === undefined ? 0 : severityWeight(options, v.severity)))),
    target: Float64Array.from(coreVisits.map((v) => (v.targetAt === undefined ? 0 : sec(v.targetAt)))),
    previousRoute,
    routeStartLocation,
    routeEndLocation,
    routeStart,
    routeEnd,
    routeCapacity,
    routeMaxWork,
    routeFixedCost: new Float64Array(R).fill(options.minimiseTechnicians ? TECHNICIAN_COST : 0),
    compatible,
    // Priced like weighted lateness: a move must buy back at least that much lateness (or its travel equivalent).
    movePenalty: options.previousPlan ? ((options.movePenaltyMs ?? DEFAULT_MOVE_PENALTY_MS) / 1000) * LATENESS_VS_TRAVEL : 0,
    unassignedPenalty: UNASSIGNED_PENALTY,
    latenessScale: LATENESS_VS_TRAVEL,
  });
  return { core, visitOfCore, routeTechnician, routeShift, excluded, originMs };
}

/** The points the travel matrix is asked for, in order: technician starts, technician ends, visits. */
export function problemPoints(problem: RoutingProblem): GeoPoint[] {
  const { visits, technicians } = problem;
  return [...technicians.map((t) => t.start), ...technicians.map((t) => t.end ?? t.start), ...visits.map((v) => v.location)];
}

function skilledTechnicians(visit: Visit, technicians: Technician[]): number[] {
  const need = visit.requiredSkills ?? [];
  const out: number[] = [];
  technicians.forEach((t, ti) => {
    if (visit.pin?.technicianId !== undefined && t.id !== visit.pin.technicianId) return;
    if (need.every((s) => t.skills.includes(s))) out.push(ti);
  });
  return out;
}

// Windows for the service start: business hours shrunk by the service time, cut by the release time.
function startWindows(visit: Visit, svc: number, sec: (ms: number) => number, horizonEnd: number, release: number): Window[] {
  let raw: Window[];
  if (visit.pin?.startAt !== undefined) raw = [[sec(visit.pin.startAt), sec(visit.pin.startAt)]];
  else if (visit.windows && visit.windows.length > 0) raw = visit.windows.map((w) => [sec(w.start), sec(w.end) - svc]);
  else raw = [[-Infinity, horizonEnd]];
  const cut = raw
    .map(([s, e]): Window => [Math.max(s, release), e])
    .filter(([s, e]) => s <= e)
    .sort((a, b) => a[0] - b[0]);
  const merged: Window[] = [];
  for (const w of cut) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged;
}

function previousRoutes(
  options: SolveOptions,
  coreVisits: Visit[],
  technicians: Technician[],
  routeTechnician: number[],
  routeShift: number[],
): Int32Array {
  const out = new Int32Array(coreVisits.length).fill(-1);
  const plan = options.previousPlan;
  if (!plan) return out;
  const routeIndex = new Map(routeTechnician.map((ti, r) => [`${technicians[ti].id}#${routeShift[r]}`, r]));
  const visitRoute = new Map<string, number>();
  for (const route of plan.routes) {
    const r = routeIndex.get(`${route.technicianId}#${route.shiftIndex}`);
    if (r !== undefined) for (const stop of route.stops) visitRoute.set(stop.visitId, r);
  }
  coreVisits.forEach((v, k) => (out[k] = visitRoute.get(v.id) ?? -1));
  return out;
}
