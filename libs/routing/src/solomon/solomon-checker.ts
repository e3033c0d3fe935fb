import { SolomonInstance } from './solomon-reader';

/** Result of {@link checkSolomonPlan}: the recomputed distance and every violated rule. */
export type SolomonCheck = { feasible: boolean; distance: number; vehicles: number; violations: string[] };

/**
 * Validates routes (customer numbers 1..n, depot implicit at both ends) against the instance,
 * recomputing everything from the raw data: each customer exactly once, at most the instance's
 * vehicles, capacity, ready/due times with waiting, return to the depot by its due date.
 * Deliberately shares no code with the solver.
 */
export function checkSolomonPlan(inst: SolomonInstance, routes: readonly (readonly number[])[]): SolomonCheck {
  const violations: string[] = [];
  const n = inst.x.length - 1;
  const seen = new Array<number>(n + 1).fill(0);
  const dist = (i: number, j: number): number => Math.sqrt((inst.x[i] - inst.x[j]) ** 2 + (inst.y[i] - inst.y[j]) ** 2);
  let total = 0;
  let vehicles = 0;
  routes.forEach((route, k) => {
    if (route.length === 0) return;
    vehicles++;
    let time = inst.ready[0];
    let load = 0;
    let at = 0;
    for (const c of route) {
      if (!Number.isInteger(c) || c < 1 || c > n) {
        violations.push(`route ${k}: unknown customer ${c}`);
        continue;
      }
      seen[c]++;
      total += dist(at, c);
      time = Math.max(time + dist(at, c), inst.ready[c]);
      // A tiny tolerance for floating-point sums only.
      if (time > inst.due[c] + 1e-6) violations.push(`route ${k}: customer ${c} starts at ${time.toFixed(3)} after due ${inst.due[c]}`);
      time += inst.service[c];
      load += inst.demand[c];
      at = c;
    }
    total += dist(at, 0);
    time += dist(at, 0);
    if (time > inst.due[0] + 1e-6) violations.push(`route ${k}: returns at ${time.toFixed(3)} after depot due ${inst.due[0]}`);
    if (load > inst.capacity) violations.push(`route ${k}: load ${load} exceeds capacity ${inst.capacity}`);
  });
  if (vehicles > inst.vehicles) violations.push(`${vehicles} vehicles used, only ${inst.vehicles} available`);
  for (let c = 1; c <= n; c++) {
    if (seen[c] !== 1) violations.push(`customer ${c} served ${seen[c]} times`);
  }
  return { feasible: violations.length === 0, distance: total, vehicles, violations };
}
