import { RouteState } from './route-state';

// Shared O(1)-per-node feasibility helpers for local-search moves.

/** Departure time from the last node after serving `from..to` (a forward walk) once `a` is left at `leave`; -Infinity if infeasible. */
export function walk(s: RouteState, last: number, leave: number, from: number, to: number): number {
  let t = leave;
  let u = last;
  let v = from;
  while (true) {
    const st = s.startAt(v, t + s.d(u, v));
    if (st === Infinity) return -Infinity;
    t = st + s.nodeService[v];
    if (v === to) return t;
    u = v;
    v = s.next[v];
  }
}

/** Leaving `last` at `leave`, can we reach b no later than its latest start? */
export function reaches(s: RouteState, last: number, leave: number, b: number): boolean {
  return leave > -Infinity && leave + s.d(last, b) <= s.ls[b];
}

export function leaveTime(s: RouteState, a: number): number {
  return s.es[a] + s.nodeService[a];
}

export function fixedCostChange(s: RouteState, r: number, newLen: number): number {
  const before = s.routeLen[r] > 0;
  const after = newLen > 0;
  if (before === after) return 0;
  return after ? s.p.routeFixedCost[r] : -s.p.routeFixedCost[r];
}

export function compatible(s: RouteState, v: number, r: number): boolean {
  return s.p.compatible[v * s.nRoutes + r] === 1;
}
