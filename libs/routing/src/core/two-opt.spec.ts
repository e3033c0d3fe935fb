import { SolomonInstance } from '../solomon/solomon-reader';
import { solomonToCore } from '../solomon/solomon-to-core';
import { RouteState } from './route-state';
import { twoOpt } from './two-opt';

// Depot at x=0 and four customers on a line at x = 10, 20, 30, 40.
function lineInstance(due: number[], ready = [0, 0, 0, 0]): SolomonInstance {
  return {
    name: 'line',
    vehicles: 1,
    capacity: 100,
    x: Float64Array.from([0, 10, 20, 30, 40]),
    y: new Float64Array(5),
    demand: Float64Array.from([0, 1, 1, 1, 1]),
    ready: Float64Array.from([0, ...ready]),
    due: Float64Array.from([1000, ...due]),
    service: new Float64Array(5),
  };
}

function routeOf(s: RouteState, order: number[]): void {
  let after = s.startNode(0);
  for (const v of order) {
    s.linkAfter(v, after);
    after = v;
  }
  s.update(0);
}

describe('twoOpt', () => {
  it('uncrosses a route by reversing the segment between two visits', () => {
    const s = new RouteState(solomonToCore(lineInstance([1000, 1000, 1000, 1000])));
    routeOf(s, [0, 2, 1, 3]); // x = 10, 30, 20, 40
    expect(s.routeDist[0]).toBe(100);
    expect(twoOpt(s, 0, 1)).toBe(true);
    expect(s.routeVisits(0)).toEqual([0, 1, 2, 3]);
    expect(s.routeDist[0]).toBe(80);
  });

  it('refuses a shorter order that would miss a time window', () => {
    // x=30 must start by time 30 and x=20 not before 35: x=30 has to come first.
    const s = new RouteState(solomonToCore(lineInstance([1000, 1000, 30, 1000], [0, 35, 0, 0])));
    routeOf(s, [0, 2, 1, 3]);
    expect(s.routeFeasible(0)).toBe(true);
    expect(twoOpt(s, 0, 1)).toBe(false);
    expect(s.routeVisits(0)).toEqual([0, 2, 1, 3]);
  });
});
