import { Inserter } from './insertion';
import { RouteState } from './route-state';

/**
 * Regret-2 insertion: repeatedly inserts the visit that would lose most if it did not get its best
 * route now. Packs tight fleets far better than cheapest insertion, at O(n² · positions): used for
 * small instances only.
 */
export function regretInsertion(s: RouteState, inserter: Inserter, pending: number[]): void {
  const open = pending.slice();
  inserter.trackSecond = true;
  while (open.length > 0) {
    let pick = -1;
    let pickRegret = -Infinity;
    let pickCost = Infinity;
    for (let i = open.length - 1; i >= 0; i--) {
      const u = open[i];
      if (!inserter.find(u, 0, null)) {
        // No route can take it now; it cannot fit later either (routes only fill up).
        open.splice(i, 1);
        continue;
      }
      // A visit with a single possible route has unbounded regret.
      const regret = inserter.secondCost === Infinity ? Infinity : inserter.secondCost - inserter.bestCost;
      if (regret > pickRegret || (regret === pickRegret && inserter.bestCost < pickCost)) {
        pick = u;
        pickRegret = regret;
        pickCost = inserter.bestCost;
      }
    }
    if (pick < 0) break;
    // Visit ids, not indices: the scan above removes entries.
    if (inserter.find(pick, 0, null)) inserter.apply(pick);
    open.splice(open.indexOf(pick), 1);
  }
  inserter.trackSecond = false;
}
