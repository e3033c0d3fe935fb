import { solveCore } from '../core/solver';
import { BuiltProblem, buildCore, severityWeight } from './build-core';
import { Plan, PlannedStop, RoutingProblem, SolveOptions, TechnicianRoute, UnassignedVisit } from './model';

/**
 * Plans technician visits. Hard: skills, business hours, release times, shifts, maximum work,
 * capacity, pins, no overlap. Objective in order: serve every servable visit, then minimise
 * severity-weighted lateness, then technicians used (if asked), then travel; with a previous plan,
 * each visit moved to another technician shift costs `movePenaltyMs` of weighted lateness.
 * The levels are weighted (unassigned 1e12, lateness 100 per second, technician shift 1e5,
 * travel 1 per second), which is lexicographic for any realistic day.
 * All instants are epoch milliseconds, all durations milliseconds.
 */
export function solve(problem: RoutingProblem, options: SolveOptions = {}): Plan {
  const t0 = performance.now();
  const built = buildCore(problem, options);
  const solution = solveCore(built.core, {
    seed: options.seed,
    // The limit covers the whole call, travel matrix included.
    timeLimitMs: Math.max(0, (options.timeLimitMs ?? 1000) - (performance.now() - t0)),
    maxIterations: options.maxIterations,
    initialRoutes: initialRoutes(built, problem, options),
    onImprovement: options.onImprovement
      ? (e) =>
          options.onImprovement?.({
            iteration: e.iteration,
            elapsedMs: e.elapsedMs,
            unassigned: e.unassigned + built.excluded.length,
            travelMs: e.travel * 1000,
            weightedLatenessMs: e.lateness * 1000,
          })
      : undefined,
  });
  const routes = solution.routes
    .map((visits, r) => toRoute(built, problem, visits, r))
    .filter((route): route is TechnicianRoute => route !== null);
  const unassigned: UnassignedVisit[] = [
    ...built.excluded.map(({ visit, reason }) => ({ visitId: problem.visits[visit].id, reason })),
    ...solution.unassigned.map((k) => ({ visitId: problem.visits[built.visitOfCore[k]].id, reason: 'NO_ROOM_IN_PLAN' as const })),
  ];
  return {
    routes,
    unassigned,
    objective: objectiveOf(problem, routes, unassigned, options),
    iterations: solution.iterations,
    elapsedMs: performance.now() - t0,
  };
}

function initialRoutes(built: BuiltProblem, problem: RoutingProblem, options: SolveOptions): number[][] | undefined {
  const plan = options.previousPlan;
  if (!plan) return undefined;
  const coreOf = new Map(built.visitOfCore.map((vi, k) => [problem.visits[vi].id, k]));
  const routeOf = new Map(built.routeTechnician.map((ti, r) => [`${problem.technicians[ti].id}#${built.routeShift[r]}`, r]));
  const out: number[][] = built.routeTechnician.map(() => []);
  for (const route of plan.routes) {
    const r = routeOf.get(`${route.technicianId}#${route.shiftIndex}`);
    if (r === undefined) continue;
    for (const stop of route.stops) {
      const k = coreOf.get(stop.visitId);
      if (k !== undefined) out[r].push(k);
    }
  }
  return out;
}

// ASAP schedule recomputed in epoch ms (the plan carries instants, not internal seconds).
function toRoute(built: BuiltProblem, problem: RoutingProblem, visits: number[], r: number): TechnicianRoute | null {
  if (visits.length === 0) return null;
  const ti = built.routeTechnician[r];
  const tech = problem.technicians[ti];
  const shift = tech.shifts[built.routeShift[r]];
  const T = problem.technicians.length;
  const nLoc = T * 2 + problem.visits.length;
  const core = built.core;
  let at = ti;
  let time = shift.start;
  let travelMs = 0;
  const stops: PlannedStop[] = visits.map((k) => {
    const vi = built.visitOfCore[k];
    const visit = problem.visits[vi];
    const loc = 2 * T + vi;
    const leg = core.travel[at * nLoc + loc] * 1000;
    travelMs += leg;
    const arrivalAt = time + leg;
    let startAt = arrivalAt;
    for (let w = core.windowOffset[k]; w < core.windowOffset[k + 1]; w++) {
      const endMs = built.originMs + core.windowEnd[w] * 1000;
      if (arrivalAt <= endMs + 1e-3) {
        startAt = Math.max(arrivalAt, built.originMs + core.windowStart[w] * 1000);
        break;
      }
    }
    time = startAt + visit.serviceMs;
    at = loc;
    const lateMs = visit.targetAt === undefined ? 0 : Math.max(0, startAt - visit.targetAt);
    return { visitId: visit.id, arrivalAt, startAt, endAt: time, lateMs };
  });
  const back = core.travel[at * nLoc + T + ti] * 1000;
  travelMs += back;
  return { technicianId: tech.id, shiftIndex: built.routeShift[r], departAt: shift.start, returnAt: time + back, travelMs, stops };
}

function objectiveOf(
  problem: RoutingProblem,
  routes: TechnicianRoute[],
  unassigned: UnassignedVisit[],
  options: SolveOptions,
): Plan['objective'] {
  const byId = new Map(problem.visits.map((v) => [v.id, v]));
  const previous = new Map<string, string>();
  for (const route of options.previousPlan?.routes ?? []) {
    for (const stop of route.stops) previous.set(stop.visitId, `${route.technicianId}#${route.shiftIndex}`);
  }
  let weightedLatenessMs = 0;
  let movedVisits = 0;
  for (const route of routes) {
    for (const stop of route.stops) {
      const visit = byId.get(stop.visitId);
      if (visit?.targetAt !== undefined) weightedLatenessMs += severityWeight(options, visit.severity) * stop.lateMs;
      const before = previous.get(stop.visitId);
      if (before !== undefined && before !== `${route.technicianId}#${route.shiftIndex}`) movedVisits++;
    }
  }
  return {
    unassigned: unassigned.length,
    weightedLatenessMs,
    techniciansUsed: new Set(routes.map((r) => r.technicianId)).size,
    travelMs: routes.reduce((a, r) => a + r.travelMs, 0),
    movedVisits,
  };
}
