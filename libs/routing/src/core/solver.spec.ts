import fc from 'fast-check';
import { checkSolomonPlan } from '../solomon/solomon-checker';
import { SolomonInstance } from '../solomon/solomon-reader';
import { solveSolomon } from '../solomon/solve-solomon';
import { randomSolomonInstance } from '../testing/tiny-solomon';

// Exhaustive search: every order of the customers cut into at most `vehicles` routes.
function bruteForceOptimum(inst: SolomonInstance): number {
  const n = inst.x.length - 1;
  const dist = (i: number, j: number): number => Math.hypot(inst.x[i] - inst.x[j], inst.y[i] - inst.y[j]);
  const routeCost = (route: number[]): number => {
    let t = 0;
    let at = 0;
    let load = 0;
    let cost = 0;
    for (const c of route) {
      t = Math.max(t + dist(at, c), inst.ready[c]);
      if (t > inst.due[c]) return Infinity;
      t += inst.service[c];
      load += inst.demand[c];
      cost += dist(at, c);
      at = c;
    }
    if (t + dist(at, 0) > inst.due[0] || load > inst.capacity) return Infinity;
    return cost + (route.length > 0 ? dist(at, 0) : 0);
  };
  let best = Infinity;
  const perm: number[] = [];
  const used = new Array<boolean>(n + 1).fill(false);
  const cut = (order: number[], from: number, routesLeft: number, acc: number): void => {
    if (acc >= best) return;
    if (from === order.length) {
      best = acc;
      return;
    }
    if (routesLeft === 0) return;
    for (let to = from + 1; to <= order.length; to++) cut(order, to, routesLeft - 1, acc + routeCost(order.slice(from, to)));
  };
  const permute = (): void => {
    if (perm.length === n) return cut(perm, 0, inst.vehicles, 0);
    for (let c = 1; c <= n; c++) {
      if (used[c]) continue;
      used[c] = true;
      perm.push(c);
      permute();
      perm.pop();
      used[c] = false;
    }
  };
  permute();
  return best;
}

describe('solveCore on Solomon-style problems', () => {
  it('finds the brute-force optimum on tiny instances', () => {
    for (const seed of [1, 2, 3, 4]) {
      const inst = randomSolomonInstance(seed, 6, 3);
      const optimum = bruteForceOptimum(inst);
      const plan = solveSolomon(inst, { seed, maxIterations: 1500, timeLimitMs: 10_000 });
      expect(plan.unassigned).toEqual([]);
      expect(checkSolomonPlan(inst, plan.routes).distance).toBeCloseTo(optimum, 6);
    }
  });

  it('honours windows, capacity, depot return and serves each customer once on random instances', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 5, max: 40 }), (seed, customers) => {
        const inst = randomSolomonInstance(seed, customers, customers);
        const plan = solveSolomon(inst, { seed, maxIterations: 300, timeLimitMs: 10_000 });
        expect(plan.unassigned).toEqual([]);
        expect(checkSolomonPlan(inst, plan.routes).violations).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('never exceeds the fleet: customers it cannot fit are reported unassigned, not overloaded', () => {
    const inst = randomSolomonInstance(7, 30, 2, 60);
    const plan = solveSolomon(inst, { seed: 1, maxIterations: 500, timeLimitMs: 10_000 });
    expect(plan.routes.length).toBeLessThanOrEqual(2);
    expect(plan.unassigned.length).toBeGreaterThan(0);
    const served = plan.routes.flat();
    for (const route of plan.routes) expect(route.reduce((a, c) => a + inst.demand[c], 0)).toBeLessThanOrEqual(60);
    expect(new Set([...served, ...plan.unassigned]).size).toBe(30);
  });

  it('is deterministic for a seed and an iteration limit', () => {
    const inst = randomSolomonInstance(11, 40, 40);
    const a = solveSolomon(inst, { seed: 5, maxIterations: 400, timeLimitMs: 60_000 });
    const b = solveSolomon(inst, { seed: 5, maxIterations: 400, timeLimitMs: 60_000 });
    expect(a.routes).toEqual(b.routes);
    expect(a.distance).toBe(b.distance);
  });
});
