import { leaveTime, reaches } from './move-checks';
import { RouteState } from './route-state';

const EPS = 1e-9;
const MAX_SEGMENT = 60;

/** Intra-route 2-opt: reverses the visits after u up to v (u before v on one route) if that shortens travel. */
export function twoOpt(s: RouteState, u: number, v: number): boolean {
  const r = s.routeOf[u];
  if (r < 0 || r !== s.routeOf[v] || v >= s.n || s.pos[u] >= s.pos[v] - 1 || s.pos[v] - s.pos[u] > MAX_SEGMENT) return false;
  const nu = s.next[u];
  const nv = s.next[v];
  // Reversed edges change cost on asymmetric matrices: sum them while walking back.
  let delta = s.d(u, v) + s.d(nu, nv) - s.d(u, nu) - s.d(v, nv);
  for (let x = nu; x !== v; x = s.next[x]) delta += s.d(s.next[x], x) - s.d(x, s.next[x]);
  if (delta > -EPS) return false;
  if (s.work[s.endNode(r)] + delta > s.p.routeMaxWork[r]) return false;
  let t = leaveTime(s, u);
  let at = u;
  for (let x = v; ; x = s.prev[x]) {
    const st = s.startAt(x, t + s.d(at, x));
    if (st === Infinity) return false;
    t = st + s.nodeService[x];
    at = x;
    if (x === nu) break;
  }
  if (!reaches(s, nu, t, nv)) return false;
  for (let x = nu; ;) {
    const after = s.next[x];
    s.next[x] = s.prev[x];
    s.prev[x] = after;
    if (x === v) break;
    x = after;
  }
  s.next[u] = v;
  s.prev[v] = u;
  s.next[nu] = nv;
  s.prev[nv] = nu;
  s.update(r);
  return true;
}
