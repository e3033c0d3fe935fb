import fc from 'fast-check';
import { solomonToCore } from '../solomon/solomon-to-core';
import { randomSolomonInstance } from '../testing/tiny-solomon';
import { Inserter } from './insertion';
import { Rng } from './rng';
import { RouteState } from './route-state';

describe('RouteState', () => {
  it('keeps the same forward and backward data after cheap insert updates as after a full recomputation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 5, max: 50 }), (seed, customers) => {
        const p = solomonToCore(randomSolomonInstance(seed, customers, 4, 80));
        const s = new RouteState(p);
        const inserter = new Inserter(s, false);
        const rng = new Rng(seed);
        for (let v = 0; v < customers; v++) if (inserter.find(v, 0.3, rng)) inserter.apply(v);
        const fresh = new RouteState(p);
        fresh.copyFrom(s);
        for (let r = 0; r < s.nRoutes; r++) fresh.update(r);
        for (let node = 0; node < s.nodeCount; node++) {
          if (s.routeOf[node] < 0) continue;
          expect([s.es[node], s.ls[node], s.load[node], s.work[node], s.pos[node]]).toEqual([
            fresh.es[node],
            fresh.ls[node],
            fresh.load[node],
            fresh.work[node],
            fresh.pos[node],
          ]);
        }
        expect(Array.from(s.routeCost)).toEqual(Array.from(fresh.routeCost));
      }),
      { numRuns: 30 },
    );
  });

  it('finds a route infeasible once a visit is pushed past its window', () => {
    const p = solomonToCore(randomSolomonInstance(3, 6, 1, 1000));
    const s = new RouteState(p);
    // Every customer on one route in index order ignores the windows: almost surely late somewhere.
    let after = s.startNode(0);
    for (let v = 0; v < 6; v++) {
      s.linkAfter(v, after);
      after = v;
    }
    s.update(0);
    expect(s.routeFeasible(0)).toBe(false);
    expect(s.totalCost()).toBeGreaterThan(1e12);
  });
});
