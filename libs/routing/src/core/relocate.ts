import { compatible, fixedCostChange, leaveTime, reaches, walk } from './move-checks';
import { RouteState } from './route-state';

const EPS = 1e-9;

/** Moves visit u right after node a if that shortens travel; returns whether it moved. */
export function relocate(s: RouteState, u: number, a: number): boolean {
  const pu = s.prev[u];
  const nu = s.next[u];
  if (a === u || a === pu || s.next[a] < 0) return false;
  const b = s.next[a];
  const r1 = s.routeOf[u];
  const r2 = s.routeOf[a];
  const p = s.p;
  const addTravel = s.d(a, u) + s.d(u, b) - s.d(a, b);
  const removeTravel = s.d(pu, u) + s.d(u, nu) - s.d(pu, nu);
  let delta = addTravel - removeTravel;
  if (r1 !== r2) delta += fixedCostChange(s, r1, s.routeLen[r1] - 1) + fixedCostChange(s, r2, s.routeLen[r2] + 1);
  if (delta > -EPS) return false;
  if (r1 !== r2) {
    if (!reaches(s, pu, leaveTime(s, pu), nu)) return false;
    if (!compatible(s, u, r2)) return false;
    const e2 = s.endNode(r2);
    if (s.load[e2] + p.demand[u] > p.routeCapacity[r2]) return false;
    if (s.work[e2] + addTravel + s.nodeService[u] > p.routeMaxWork[r2]) return false;
    if (!reaches(s, u, walk(s, a, leaveTime(s, a), u, u), b)) return false;
  } else {
    if (s.work[s.endNode(r1)] + delta > p.routeMaxWork[r1]) return false;
    if (s.pos[a] < s.pos[u]) {
      // ..a u b .. pu nu..
      const t = walk(s, u, walk(s, a, leaveTime(s, a), u, u), b, pu);
      if (!reaches(s, pu, t, nu)) return false;
    } else {
      // ..pu nu .. a u b..
      const t = walk(s, a, walk(s, pu, leaveTime(s, pu), nu, a), u, u);
      if (!reaches(s, u, t, b)) return false;
    }
  }
  s.unlink(u);
  s.linkAfter(u, a);
  s.update(r2);
  if (r1 !== r2) s.update(r1);
  return true;
}
