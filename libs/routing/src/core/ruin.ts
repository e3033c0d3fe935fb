import { Rng } from './rng';
import { RouteState } from './route-state';

/**
 * SISR string removal (Christiaens & Vanden Berghe 2020): remove short strings of consecutive
 * visits from a few routes near a random seed visit. Removing neighbours in space and time leaves
 * "slack" that the recreate step can reuse better.
 */
export class StringRuin {
  readonly removed: Int32Array;
  removedCount = 0;
  private readonly ruinedStamp: Int32Array;
  private stamp = 0;

  constructor(
    private readonly s: RouteState,
    private readonly neighbours: Int32Array,
    private readonly neighbourCount: number,
    private readonly averageRemoved: number,
    private readonly maxStringLength: number,
  ) {
    this.removed = new Int32Array(s.n);
    this.ruinedStamp = new Int32Array(s.nRoutes);
  }

  /** Ruins around a random served visit, or around the served neighbours of `near` if given (≥ 0). */
  run(rng: Rng, near = -1): void {
    const s = this.s;
    this.removedCount = 0;
    this.stamp++;
    let assigned = 0;
    let used = 0;
    for (let r = 0; r < s.nRoutes; r++) {
      assigned += s.routeLen[r];
      if (s.routeLen[r] > 0) used++;
    }
    if (assigned === 0) return;
    const lsMax = Math.min(this.maxStringLength, assigned / used);
    const ksMax = (4 * this.averageRemoved) / (1 + lsMax) - 1;
    const ks = Math.floor(rng.next() * ksMax) + 1;
    let seed = near;
    if (seed < 0) {
      seed = rng.int(s.n);
      while (s.routeOf[seed] < 0) seed = rng.int(s.n);
    }
    let ruined = 0;
    for (let k = -1; k < this.neighbourCount && ruined < ks; k++) {
      const c = k < 0 ? seed : this.neighbours[seed * this.neighbourCount + k];
      const r = s.routeOf[c];
      if (r < 0 || this.ruinedStamp[r] === this.stamp) continue;
      this.ruinedStamp[r] = this.stamp;
      ruined++;
      const len = s.routeLen[r];
      const lMax = Math.min(len, lsMax);
      const l = Math.floor(rng.next() * lMax) + 1;
      if (l < len && rng.next() < 0.5) this.removeSplitString(c, r, l, rng);
      else this.removeString(c, r, l, rng);
      s.update(r);
    }
  }

  private removeString(c: number, r: number, l: number, rng: Rng): void {
    const first = this.stringStart(c, r, l, rng);
    this.removeFrom(first, l, -1, 0);
  }

  // Removes l visits from a string of l+m, keeping m consecutive ones inside.
  private removeSplitString(c: number, r: number, l: number, rng: Rng): void {
    const len = this.s.routeLen[r];
    let m = 1;
    while (l + m < len && rng.next() < 0.5) m++;
    const first = this.stringStart(c, r, l + m, rng);
    this.removeFrom(first, l + m, rng.int(l + 1), m);
  }

  private stringStart(c: number, r: number, total: number, rng: Rng): number {
    const s = this.s;
    const len = s.routeLen[r];
    const p = s.pos[c];
    const lo = Math.max(1, p - total + 1);
    const hi = Math.min(p, len - total + 1);
    let startPos = lo + rng.int(hi - lo + 1);
    let v = c;
    while (startPos < p) {
      v = s.prev[v];
      startPos++;
    }
    return v;
  }

  private removeFrom(first: number, total: number, keepAt: number, keep: number): void {
    const s = this.s;
    let v = first;
    for (let i = 0; i < total; i++) {
      const nextV = s.next[v];
      if (i < keepAt || i >= keepAt + keep) {
        s.unlink(v);
        this.removed[this.removedCount++] = v;
      }
      v = nextV;
    }
  }
}
