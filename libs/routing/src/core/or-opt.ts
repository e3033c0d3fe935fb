import { compatible, fixedCostChange, leaveTime, reaches, walk } from './move-checks';
import { RouteState } from './route-state';

const EPS = 1e-9;

/** Moves the string of k visits starting at u (kept in order) after node a of another route. */
export function orOpt(s: RouteState, u: number, k: number, a: number): boolean {
  const r1 = s.routeOf[u];
  const r2 = s.routeOf[a];
  if (r1 === r2 || r2 < 0 || s.next[a] < 0) return false;
  let w = u;
  for (let i = 1; i < k; i++) {
    w = s.next[w];
    if (w >= s.n) return false;
  }
  const p = s.p;
  const pu = s.prev[u];
  const nw = s.next[w];
  const b = s.next[a];
  const addTravel = s.d(a, u) + s.d(w, b) - s.d(a, b);
  const delta =
    addTravel -
    s.d(pu, u) -
    s.d(w, nw) +
    s.d(pu, nw) +
    fixedCostChange(s, r1, s.routeLen[r1] - k) +
    fixedCostChange(s, r2, s.routeLen[r2] + k);
  if (delta > -EPS) return false;
  if (!reaches(s, pu, leaveTime(s, pu), nw)) return false;
  const e2 = s.endNode(r2);
  if (s.load[e2] + s.load[w] - s.load[pu] > p.routeCapacity[r2]) return false;
  const inner = s.work[w] - s.work[u] + s.nodeService[w];
  if (s.work[e2] + addTravel + inner > p.routeMaxWork[r2]) return false;
  for (let v = u; ; v = s.next[v]) {
    if (!compatible(s, v, r2)) return false;
    if (v === w) break;
  }
  if (!reaches(s, w, walk(s, a, leaveTime(s, a), u, w), b)) return false;
  // Relink the whole string at once.
  s.next[pu] = nw;
  s.prev[nw] = pu;
  s.next[a] = u;
  s.prev[u] = a;
  s.next[w] = b;
  s.prev[b] = w;
  s.update(r1);
  s.update(r2);
  return true;
}
