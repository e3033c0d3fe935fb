import { CoreSolveOptions, solveCore } from '../core/solver';
import { SolomonInstance } from './solomon-reader';
import { solomonToCore } from './solomon-to-core';

/** Solomon plan: non-empty routes as customer numbers (1..n), depot implicit at both ends. */
export type SolomonPlan = { routes: number[][]; unassigned: number[]; distance: number; iterations: number };

/** Minimises total distance with at most the instance's vehicles (the distance-only objective). */
export function solveSolomon(inst: SolomonInstance, options: CoreSolveOptions = {}): SolomonPlan {
  const solution = solveCore(solomonToCore(inst), options);
  const routes = solution.routes.filter((r) => r.length > 0).map((r) => r.map((v) => v + 1));
  return { routes, unassigned: solution.unassigned.map((v) => v + 1), distance: solution.cost, iterations: solution.iterations };
}
