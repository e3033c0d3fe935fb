import fc from 'fast-check';
import { checkSolomonPlan } from '../solomon/solomon-checker';
import { solomonToCore } from '../solomon/solomon-to-core';
import { randomSolomonInstance } from '../testing/tiny-solomon';
import { Inserter } from './insertion';
import { LocalSearch } from './local-search';
import { nearestNeighbours } from './neighbours';
import { Rng } from './rng';
import { RouteState } from './route-state';

// A deliberately poor start: visits inserted in random order with heavy blinking.
function randomStart(seed: number, customers: number): { state: RouteState; routes: () => number[][] } {
  const inst = randomSolomonInstance(seed, customers, customers);
  const state = new RouteState(solomonToCore(inst));
  const inserter = new Inserter(state, false);
  const rng = new Rng(seed);
  const order = Array.from({ length: customers }, (_x, i) => i).sort(() => rng.next() - 0.5);
  for (const v of order) if (inserter.find(v, 0.5, rng)) inserter.apply(v);
  const routes = (): number[][] => Array.from({ length: state.nRoutes }, (_x, r) => state.routeVisits(r).map((v) => v + 1));
  return { state, routes };
}

describe('LocalSearch (relocate, swap, 2-opt, 2-opt*, or-opt)', () => {
  it('keeps every route feasible and never lengthens the plan', () => {
    let improvedSomewhere = false;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 8, max: 60 }), (seed, customers) => {
        const { state, routes } = randomStart(seed, customers);
        const inst = randomSolomonInstance(seed, customers, customers);
        const before = checkSolomonPlan(inst, routes()).distance;
        const k = Math.min(customers - 1, 20);
        new LocalSearch(state, nearestNeighbours(state, k), k, k).run();
        const after = checkSolomonPlan(
          inst,
          routes().filter((r) => r.length > 0),
        );
        expect(after.violations.filter((v) => !/served 0 times/.test(v))).toEqual([]);
        expect(after.distance).toBeLessThanOrEqual(before + 1e-9);
        if (after.distance < before - 1e-6) improvedSomewhere = true;
      }),
      { numRuns: 40 },
    );
    expect(improvedSomewhere).toBe(true);
  });

  it('keeps the route data consistent with a from-scratch recomputation', () => {
    const { state } = randomStart(42, 50);
    new LocalSearch(state, nearestNeighbours(state, 20), 20, 20).run();
    const fresh = new RouteState(state.p);
    for (let r = 0; r < state.nRoutes; r++) {
      let after = fresh.startNode(r);
      for (const v of state.routeVisits(r)) {
        fresh.linkAfter(v, after);
        after = v;
      }
      fresh.update(r);
      expect(fresh.routeDist[r]).toBeCloseTo(state.routeDist[r], 9);
      expect(fresh.load[fresh.endNode(r)]).toBe(state.load[state.endNode(r)]);
    }
  });
});
