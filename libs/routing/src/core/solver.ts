import { CoreProblem, hasLateness } from './core-problem';
import { regretInsertion } from './construction';
import { Inserter } from './insertion';
import { LeftOutPricing } from './left-out-pricing';
import { LocalSearch } from './local-search';
import { nearestNeighbours } from './neighbours';
import { Recreate } from './recreate';
import { Rng } from './rng';
import { RouteState } from './route-state';
import { StringRuin } from './ruin';
import { splitRandomRoute } from './split-route';

const GRANULAR_FROM = 400;

/** Options of {@link solveCore}. Stops at whichever of the two limits comes first. */
export type CoreSolveOptions = {
  seed?: number;
  /** Wall-clock limit in milliseconds (default 1000). */
  timeLimitMs?: number;
  /** Ruin-and-recreate iterations (default unlimited). When set, the annealing follows iterations and a seed reproduces the run unless the time limit cuts it short. */
  maxIterations?: number;
  /** Starting routes (visit ids per route index), e.g. the previous plan; infeasible parts are dropped. */
  initialRoutes?: readonly (readonly number[])[];
  /** SISR ruin: mean number of visits removed per iteration (default 10). */
  averageRemoved?: number;
  /** SISR ruin: longest string of consecutive visits removed (default 10). */
  maxStringLength?: number;
  /** SISR recreate: share of positions skipped at random (default 0.01). */
  blinkRate?: number;
  /** Simulated-annealing start and end temperatures, in mean travel per visit (defaults 2 and 0.01). */
  startTemperature?: number;
  endTemperature?: number;
  /**
   * Price of a left-out visit while annealing, in mean travel per visit (default 30 without lateness
   * weights, otherwise the full lexicographic penalty). A finite price lets the search cross states
   * that serve one visit fewer; the best solution is still chosen lexicographically.
   */
  leftOutPrice?: number;
  /** Extra price per iteration a visit has been left out, in mean travel per visit (default 0.01). */
  absencePrice?: number;
  /** Share of iterations that first move a route's tail into an empty route (default 0.02). */
  splitRate?: number;
  /** Polish the final (best) solution with local search (default true). */
  localSearch?: boolean;
  /** Called on every new best solution. */
  onImprovement?: (event: CoreProgress) => void;
};

/** A new best solution: its cost, left-out visits, travel and weighted lateness (core units). */
export type CoreProgress = { iteration: number; elapsedMs: number; cost: number; unassigned: number; travel: number; lateness: number };

export type CoreSolution = {
  /** Visit ids per route index. */
  routes: number[][];
  unassigned: number[];
  cost: number;
  iterations: number;
  elapsedMs: number;
};

/**
 * Regret-2 construction (cheapest insertion above 400 visits), then ruin-and-recreate (SISR) under
 * simulated annealing; the best solution is polished by local search (relocate, swap, 2-opt,
 * 2-opt*, or-opt). Deterministic for a seed when only the iteration limit binds.
 */
export function solveCore(p: CoreProblem, options: CoreSolveOptions = {}): CoreSolution {
  const t0 = performance.now();
  const timeLimit = options.timeLimitMs ?? 1000;
  const maxIterations = options.maxIterations ?? Infinity;
  const rng = new Rng(options.seed ?? 1);
  const withLateness = hasLateness(p);
  const current = new RouteState(p);
  const work = new RouteState(p);
  const best = new RouteState(p);
  const neighbourCount = Math.max(0, Math.min(p.nVisits - 1, 100));
  const neighbours = nearestNeighbours(current, neighbourCount);
  // Large instances insert only next to near visits: full scans would cost O(n) per insertion.
  const granular = p.nVisits > GRANULAR_FROM ? Math.min(neighbourCount, 40) : 0;
  const workInserter = new Inserter(work, withLateness, neighbours, neighbourCount, granular);
  const recreate = new Recreate(work, workInserter);
  const ruin = new StringRuin(work, neighbours, neighbourCount, options.averageRemoved ?? 10, options.maxStringLength ?? 10);
  const localSearch = new LocalSearch(work, neighbours, Math.min(neighbourCount, 30), neighbourCount);
  const blinkRate = options.blinkRate ?? 0.01;
  const useLocalSearch = options.localSearch ?? true;
  const splitRate = options.splitRate ?? 0.02;

  buildInitial(work, workInserter, options.initialRoutes, rng);
  current.copyFrom(work);
  best.copyFrom(work);
  let bestCost = current.totalCost();
  const report = (iteration: number): void => {
    if (!options.onImprovement) return;
    let travel = 0;
    let lateness = 0;
    for (let r = 0; r < best.nRoutes; r++) {
      travel += best.routeDist[r];
      lateness += best.routeLate[r] / p.latenessScale;
    }
    options.onImprovement({
      iteration,
      elapsedMs: performance.now() - t0,
      cost: bestCost,
      unassigned: best.unassignedCount(),
      travel,
      lateness,
    });
  };
  report(0);

  const perVisit = meanTravelPerVisit(current);
  const tStart = (options.startTemperature ?? 2) * perVisit;
  const tEnd = (options.endTemperature ?? 0.01) * perVisit;
  const leftOutPrice = options.leftOutPrice ?? (withLateness ? Infinity : 30);
  const pricing = new LeftOutPricing(p, leftOutPrice * perVisit, (options.absencePrice ?? 0.01) * perVisit);
  let currentCost = pricing.searchCost(current);
  const pending = new Int32Array(p.nVisits + 10);
  const leftOut = { items: new Int32Array(p.nVisits), count: 0 };
  let iteration = 0;
  let progress = 0;
  // Time is left at the end for polishing the best solution (about 0.2 ms per visit, at most 5 %).
  const searchLimit = useLocalSearch ? timeLimit - Math.min(0.05 * timeLimit, 0.2 * p.nVisits) : timeLimit;
  while (iteration < maxIterations && p.nVisits > 0) {
    const elapsed = performance.now() - t0;
    if (elapsed >= searchLimit) break;
    // With an iteration limit the schedule follows iterations only, so a seed reproduces the run.
    progress = maxIterations < Infinity ? iteration / maxIterations : elapsed / searchLimit;
    iteration++;
    work.copyFrom(current);
    // Serving a left-out visit outranks everything else: ruin around one of them and retry it.
    const left = pickUnassigned(work, rng, leftOut);
    const fixed = listLeftOut(leftOut, pending, rng);
    pricing.sortByAbsence(pending, fixed);
    if (rng.next() < splitRate) splitRandomRoute(work, rng);
    ruin.run(rng, rng.next() < 0.5 ? left : -1);
    let count = fixed;
    for (let k = 0; k < ruin.removedCount; k++) pending[count++] = ruin.removed[k];
    recreate.run(pending, count, blinkRate, rng, fixed);
    pricing.countAbsences(work, pending, count);
    if (leftOut.count > 0) currentCost = pricing.searchCost(current);
    const cost = pricing.searchCost(work);
    const temperature = tStart * Math.pow(tEnd / tStart, progress);
    if (cost < currentCost - temperature * Math.log(rng.next())) {
      current.copyFrom(work);
      currentCost = cost;
      const trueCost = pricing.trueCost(work, cost);
      if (trueCost < bestCost - 1e-9) {
        best.copyFrom(current);
        bestCost = trueCost;
        report(iteration);
      }
    }
  }
  if (useLocalSearch) {
    // Polishing only the end result keeps the annealing diverse (measured: better than polishing every new best).
    work.copyFrom(best);
    polish(work, localSearch, withLateness, current, t0 + timeLimit);
    if (work.totalCost() < bestCost - 1e-9) {
      best.copyFrom(work);
      bestCost = best.totalCost();
      report(iteration);
    }
  }
  return toSolution(best, bestCost, iteration, performance.now() - t0);
}

// Collects the unassigned visits of s into out and returns one at random (-1 if none).
function pickUnassigned(s: RouteState, rng: Rng, out: { items: Int32Array; count: number }): number {
  out.count = 0;
  for (let v = 0; v < s.n; v++) if (s.routeOf[v] < 0) out.items[out.count++] = v;
  return out.count > 0 ? out.items[rng.int(out.count)] : -1;
}

// Left-out visits go first into the reinsertion list (at most ten, chosen at random when more,
// so a long list does not slow every iteration); returns how many.
function listLeftOut(leftOut: { items: Int32Array; count: number }, pending: Int32Array, rng: Rng): number {
  let count = 0;
  if (leftOut.count <= 10) {
    for (let k = 0; k < leftOut.count; k++) pending[count++] = leftOut.items[k];
    return count;
  }
  for (let k = 0; k < 10; k++) {
    const v = leftOut.items[rng.int(leftOut.count)];
    if (!contains(pending, count, v)) pending[count++] = v;
  }
  return count;
}

function contains(list: Int32Array, count: number, v: number): boolean {
  for (let i = 0; i < count; i++) if (list[i] === v) return true;
  return false;
}

function buildInitial(s: RouteState, inserter: Inserter, initialRoutes: CoreSolveOptions['initialRoutes'], rng: Rng): void {
  if (initialRoutes) {
    initialRoutes.forEach((visits, r) => {
      if (r >= s.nRoutes) return;
      let after = s.startNode(r);
      for (const v of visits) {
        if (!isFeasibleAfter(s, v, after)) continue;
        s.linkAfter(v, after);
        s.update(r);
        after = v;
      }
    });
  }
  const pending = new Int32Array(s.n);
  let count = 0;
  for (let v = 0; v < s.n; v++) if (s.routeOf[v] < 0) pending[count++] = v;
  if (s.n <= GRANULAR_FROM) return regretInsertion(s, inserter, Array.from(pending.subarray(0, count)));
  // Large instances: cheapest insertion, farthest first.
  const far = pending.subarray(0, count);
  const depot = s.startNode(0);
  far.sort((a, b) => s.d(depot, b) - s.d(depot, a));
  for (const v of far) if (inserter.find(v, 0, rng)) inserter.apply(v);
}

function isFeasibleAfter(s: RouteState, v: number, a: number): boolean {
  const r = s.routeOf[a];
  const p = s.p;
  if (v < 0 || v >= s.n || s.routeOf[v] >= 0 || p.compatible[v * s.nRoutes + r] === 0) return false;
  const b = s.next[a];
  const st = s.startAt(v, s.es[a] + s.nodeService[a] + s.d(a, v));
  const end = s.endNode(r);
  return (
    st + s.nodeService[v] + s.d(v, b) <= s.ls[b] &&
    s.load[end] + p.demand[v] <= p.routeCapacity[r] &&
    s.work[end] + s.d(a, v) + s.nodeService[v] + s.d(v, b) - s.d(a, b) <= p.routeMaxWork[r]
  );
}

// Local search optimises travel only; with lateness or move penalties it is kept only if the full cost improves.
function polish(s: RouteState, ls: LocalSearch, withLateness: boolean, backup: RouteState, deadline: number): void {
  const exact = withLateness || s.p.movePenalty > 0;
  const before = s.totalCost();
  if (exact) backup.copyFrom(s);
  ls.run(deadline);
  if (exact && s.totalCost() > before) s.copyFrom(backup);
}

function meanTravelPerVisit(s: RouteState): number {
  let dist = 0;
  let served = 0;
  for (let r = 0; r < s.nRoutes; r++) {
    dist += s.routeDist[r];
    served += s.routeLen[r];
  }
  return served > 0 && dist > 0 ? dist / served : 1;
}

function toSolution(s: RouteState, cost: number, iterations: number, elapsedMs: number): CoreSolution {
  const routes: number[][] = [];
  for (let r = 0; r < s.nRoutes; r++) routes.push(s.routeVisits(r));
  const unassigned: number[] = [];
  for (let v = 0; v < s.n; v++) if (s.routeOf[v] < 0) unassigned.push(v);
  return { routes, unassigned, cost, iterations, elapsedMs };
}
