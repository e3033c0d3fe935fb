import { Rng } from './rng';
import { RouteState } from './route-state';

/**
 * Moves the tail of a random route into an empty route of the same class. Cheapest insertion
 * rarely opens a route (its first visit pays the trip from and back to the depot), yet with
 * distance as the objective one more route is often shorter overall; the annealing decides.
 */
export function splitRandomRoute(s: RouteState, rng: Rng): boolean {
  const R = s.nRoutes;
  const offset = rng.int(R);
  let empty = -1;
  for (let k = 0; k < R && empty < 0; k++) if (s.routeLen[(offset + k) % R] === 0) empty = (offset + k) % R;
  if (empty < 0) return false;
  const cls = s.p.routeClass[empty];
  const from = rng.int(R);
  let r = -1;
  for (let k = 0; k < R && r < 0; k++) {
    const c = (from + k) % R;
    if (s.routeLen[c] >= 2 && s.p.routeClass[c] === cls) r = c;
  }
  if (r < 0) return false;
  const keep = 1 + rng.int(s.routeLen[r] - 1);
  let last = s.next[s.startNode(r)];
  for (let i = 1; i < keep; i++) last = s.next[last];
  const first = s.next[last];
  const endR = s.endNode(r);
  const tail = s.prev[endR];
  const startE = s.startNode(empty);
  const endE = s.endNode(empty);
  s.next[last] = endR;
  s.prev[endR] = last;
  s.next[startE] = first;
  s.prev[first] = startE;
  s.next[tail] = endE;
  s.prev[endE] = tail;
  s.update(r);
  s.update(empty);
  return true;
}
