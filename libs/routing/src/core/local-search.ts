import { orOpt } from './or-opt';
import { relocate } from './relocate';
import { RouteState } from './route-state';
import { swap } from './swap';
import { twoOpt } from './two-opt';
import { twoOptStar } from './two-opt-star';

/**
 * First-improvement local search over granular neighbourhoods (each visit against its nearest
 * visits): relocate, swap, 2-opt (within a route), 2-opt*, or-opt of 2–3 visits. Optimises travel and fixed route costs.
 */
export class LocalSearch {
  private readonly order: Int32Array;

  constructor(
    private readonly s: RouteState,
    private readonly neighbours: Int32Array,
    private readonly granularity: number,
    private readonly stride: number,
    private readonly maxPasses = 50,
  ) {
    this.order = new Int32Array(s.n);
    for (let i = 0; i < s.n; i++) this.order[i] = i;
  }

  /** Improves until no move helps, maxPasses is reached or performance.now() passes deadline. */
  run(deadline = Infinity): void {
    const s = this.s;
    for (let pass = 0; pass < this.maxPasses; pass++) {
      let improved = false;
      for (let i = 0; i < s.n; i++) {
        if ((i & 63) === 0 && performance.now() > deadline) return;
        const u = this.order[i];
        if (s.routeOf[u] < 0) continue;
        for (let k = 0; k < this.granularity; k++) {
          const v = this.neighbours[u * this.stride + k];
          if (s.routeOf[v] < 0 || s.routeOf[u] < 0) continue;
          if (this.tryPair(u, v)) improved = true;
        }
      }
      if (!improved) return;
    }
  }

  private tryPair(u: number, v: number): boolean {
    const s = this.s;
    // Each move creates the edge u→v or v→u.
    if (relocate(s, u, v)) return true;
    if (relocate(s, u, s.prev[v])) return true;
    if (swap(s, u, v)) return true;
    if (s.pos[u] < s.pos[v] ? twoOpt(s, u, v) : twoOpt(s, v, u)) return true;
    if (twoOptStar(s, u, s.prev[v])) return true;
    if (twoOptStar(s, s.prev[u], v)) return true;
    if (s.next[u] < s.n && orOpt(s, u, 2, v)) return true;
    if (s.next[u] < s.n && orOpt(s, u, 2, s.prev[v])) return true;
    if (orOpt(s, u, 3, v)) return true;
    return false;
  }
}
