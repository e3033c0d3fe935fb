import { fixedCostChange, leaveTime, reaches } from './move-checks';
import { RouteState } from './route-state';

const EPS = 1e-9;

/**
 * 2-opt*: routes r1 = S1..a na..E1 and r2 = S2..b nb..E2 become S1..a nb..E1 and S2..b na..E2.
 * Only between routes ending at the same place and time, so stored latest starts stay valid.
 */
export function twoOptStar(s: RouteState, a: number, b: number): boolean {
  const r1 = s.routeOf[a];
  const r2 = s.routeOf[b];
  if (r1 === r2 || r1 < 0 || r2 < 0) return false;
  const p = s.p;
  const e1 = s.endNode(r1);
  const e2 = s.endNode(r2);
  if (a === e1 || b === e2) return false;
  if (s.nodeLoc[e1] !== s.nodeLoc[e2] || p.routeEnd[r1] !== p.routeEnd[r2]) return false;
  const na = s.next[a];
  const nb = s.next[b];
  const newLen1 = s.pos[a] + (s.routeLen[r2] - s.pos[b]);
  const newLen2 = s.pos[b] + (s.routeLen[r1] - s.pos[a]);
  const delta = s.d(a, nb) + s.d(b, na) - s.d(a, na) - s.d(b, nb) + fixedCostChange(s, r1, newLen1) + fixedCostChange(s, r2, newLen2);
  if (delta > -EPS) return false;
  if (s.load[a] + s.load[e2] - s.load[b] > p.routeCapacity[r1]) return false;
  if (s.load[b] + s.load[e1] - s.load[a] > p.routeCapacity[r2]) return false;
  const work1 = s.work[a] + s.nodeService[a] + s.d(a, nb) + s.work[e2] - s.work[nb];
  const work2 = s.work[b] + s.nodeService[b] + s.d(b, na) + s.work[e1] - s.work[na];
  if (work1 > p.routeMaxWork[r1] || work2 > p.routeMaxWork[r2]) return false;
  if (!reaches(s, a, leaveTime(s, a), nb) || !reaches(s, b, leaveTime(s, b), na)) return false;
  if (!suffixCompatible(s, nb, r1) || !suffixCompatible(s, na, r2)) return false;
  const l1 = s.prev[e1];
  const l2 = s.prev[e2];
  if (nb === e2) link(s, a, e1);
  else {
    link(s, a, nb);
    link(s, l2, e1);
  }
  if (na === e1) link(s, b, e2);
  else {
    link(s, b, na);
    link(s, l1, e2);
  }
  s.update(r1);
  s.update(r2);
  return true;
}

function link(s: RouteState, x: number, y: number): void {
  s.next[x] = y;
  s.prev[y] = x;
}

function suffixCompatible(s: RouteState, from: number, r: number): boolean {
  const row = s.nRoutes;
  for (let v = from; v < s.n; v = s.next[v]) if (s.p.compatible[v * row + r] === 0) return false;
  return true;
}
