import { compatible, leaveTime, reaches, walk } from './move-checks';
import { RouteState } from './route-state';

const EPS = 1e-9;

/** Exchanges visits u and v of two different routes if that shortens travel. */
export function swap(s: RouteState, u: number, v: number): boolean {
  const r1 = s.routeOf[u];
  const r2 = s.routeOf[v];
  if (r1 === r2) return false;
  const pu = s.prev[u];
  const nu = s.next[u];
  const pv = s.prev[v];
  const nv = s.next[v];
  const p = s.p;
  const d1 = s.d(pu, v) + s.d(v, nu) - s.d(pu, u) - s.d(u, nu);
  const d2 = s.d(pv, u) + s.d(u, nv) - s.d(pv, v) - s.d(v, nv);
  if (d1 + d2 > -EPS) return false;
  if (!compatible(s, u, r2) || !compatible(s, v, r1)) return false;
  const e1 = s.endNode(r1);
  const e2 = s.endNode(r2);
  const dq = p.demand[v] - p.demand[u];
  if (s.load[e1] + dq > p.routeCapacity[r1] || s.load[e2] - dq > p.routeCapacity[r2]) return false;
  const ds = s.nodeService[v] - s.nodeService[u];
  if (s.work[e1] + d1 + ds > p.routeMaxWork[r1] || s.work[e2] + d2 - ds > p.routeMaxWork[r2]) return false;
  if (!reaches(s, v, walk(s, pu, leaveTime(s, pu), v, v), nu)) return false;
  if (!reaches(s, u, walk(s, pv, leaveTime(s, pv), u, u), nv)) return false;
  s.unlink(u);
  s.unlink(v);
  s.linkAfter(v, pu);
  s.linkAfter(u, pv);
  s.update(r1);
  s.update(r2);
  return true;
}
