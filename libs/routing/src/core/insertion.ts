import { Rng } from './rng';
import { RouteState } from './route-state';

/**
 * Cheapest feasible insertion of one visit, optionally "blinking" (skipping each position with a
 * small probability, as in SISR) so repeated recreates explore different positions.
 * Holds its result in fields to avoid allocating per call.
 */
export class Inserter {
  bestAfter = -1;
  bestCost = Infinity;
  /** With trackSecond (full scans only): the best cost on any other route, for regret insertion. */
  secondCost = Infinity;
  trackSecond = false;
  private readonly seenClass: Int32Array;
  private readonly routeStamp: Int32Array;
  private readonly routeOk: Uint8Array;
  private readonly extraOf: Float64Array;
  private readonly workLeftOf: Float64Array;
  private readonly tried: Int32Array;
  private stamp = 0;
  private blinkGap = 0;
  private extra = 0;
  private workLeft = 0;

  /** With neighbourCount > 0, only positions next to the u's nearest visits (and route starts) are tried. */
  constructor(
    private readonly s: RouteState,
    private readonly withLateness: boolean,
    private readonly neighbours: Int32Array = new Int32Array(0),
    private readonly neighbourStride = 0,
    private readonly neighbourCount = 0,
  ) {
    this.seenClass = new Int32Array(s.nRoutes);
    this.routeStamp = new Int32Array(s.nRoutes);
    this.routeOk = new Uint8Array(s.nRoutes);
    this.extraOf = new Float64Array(s.nRoutes);
    this.workLeftOf = new Float64Array(s.nRoutes);
    this.tried = new Int32Array(s.nodeCount);
  }

  /** Finds the best position for u; returns false when no route can take it. */
  find(u: number, blinkRate: number, rng: Rng | null): boolean {
    this.bestAfter = -1;
    this.bestCost = Infinity;
    this.stamp++;
    this.blinkGap = this.drawBlinkGap(blinkRate, rng);
    if (this.neighbourCount > 0) this.findGranular(u, blinkRate, rng);
    else this.findEverywhere(u, blinkRate, rng);
    return this.bestAfter >= 0;
  }

  // Scans every position of every route: the most thorough, fine for a few hundred visits.
  private findEverywhere(u: number, blinkRate: number, rng: Rng | null): void {
    const s = this.s;
    const R = s.nRoutes;
    const { next, es, ls, nodeLoc, nodeService, travel, nLoc } = s;
    const svc = nodeService[u];
    const lu = nodeLoc[u];
    const rowU = lu * nLoc;
    const w0 = s.nodeWinOffset[u];
    const single = s.nodeWinOffset[u + 1] - w0 === 1;
    const winStart = s.nodeWinStart[w0];
    const lastEnd = s.nodeWinEnd[s.nodeWinOffset[u + 1] - 1];
    const regret = this.trackSecond;
    let best1 = Infinity;
    let after1 = -1;
    let best2 = Infinity;
    for (let r = 0; r < R; r++) {
      if (!this.routeOpen(u, r)) continue;
      if (regret) {
        this.bestCost = Infinity;
        this.bestAfter = -1;
      }
      const end = s.endNode(r);
      const extra = this.extra;
      const workLeft = this.workLeft;
      let a = s.startNode(r);
      let la = nodeLoc[a];
      while (a !== end) {
        const b = next[a];
        const lb = nodeLoc[b];
        if (--this.blinkGap < 0) {
          this.blinkGap = this.drawBlinkGap(blinkRate, rng);
          a = b;
          la = lb;
          continue;
        }
        const dau = travel[la * nLoc + lu];
        const arrival = es[a] + nodeService[a] + dau;
        // Arrival only grows along a route when travel obeys the triangle inequality.
        if (arrival > lastEnd) break;
        const st = single ? (arrival > winStart ? arrival : winStart) : s.startAt(u, arrival);
        if (st !== Infinity) {
          const dub = travel[rowU + lb];
          const detour = dau + dub - travel[la * nLoc + lb];
          if (st + svc + dub <= ls[b] && detour <= workLeft) this.consider(u, a, b, st, dub, detour + extra);
        }
        a = b;
        la = lb;
      }
      if (regret) {
        // Keep the best and the second best over different routes.
        if (this.bestCost < best1) {
          best2 = best1;
          best1 = this.bestCost;
          after1 = this.bestAfter;
        } else if (this.bestCost < best2) best2 = this.bestCost;
      }
    }
    if (regret) {
      this.bestCost = best1;
      this.bestAfter = after1;
      this.secondCost = best2;
    }
  }

  // Large instances: only positions next to the nearest visits, plus each route's first position.
  private findGranular(u: number, blinkRate: number, rng: Rng | null): void {
    const s = this.s;
    const base = u * this.neighbourStride;
    for (let k = 0; k < this.neighbourCount; k++) {
      const v = this.neighbours[base + k];
      const r = s.routeOf[v];
      if (r < 0 || !this.routeOpenCached(u, r)) continue;
      this.tryAfter(u, v, blinkRate, rng);
      this.tryAfter(u, s.prev[v], blinkRate, rng);
    }
    for (let r = 0; r < s.nRoutes; r++) {
      if (this.routeOpenCached(u, r)) this.tryAfter(u, s.startNode(r), blinkRate, rng);
    }
  }

  private tryAfter(u: number, a: number, blinkRate: number, rng: Rng | null): void {
    const s = this.s;
    if (this.tried[a] === this.stamp) return;
    this.tried[a] = this.stamp;
    if (--this.blinkGap < 0) {
      this.blinkGap = this.drawBlinkGap(blinkRate, rng);
      return;
    }
    const r = s.routeOf[a];
    const b = s.next[a];
    const dau = s.d(a, u);
    const st = s.startAt(u, s.es[a] + s.nodeService[a] + dau);
    if (st === Infinity) return;
    const dub = s.d(u, b);
    const detour = dau + dub - s.d(a, b);
    if (st + s.nodeService[u] + dub > s.ls[b] || detour > this.workLeftOf[r]) return;
    this.consider(u, a, b, st, dub, detour + this.extraOf[r]);
  }

  private consider(u: number, a: number, b: number, st: number, dub: number, base: number): void {
    if (base >= this.bestCost) return;
    const cost = this.withLateness ? base + this.latenessDelta(u, st, b, st + this.s.nodeService[u] + dub) : base;
    if (cost < this.bestCost) {
      this.bestCost = cost;
      this.bestAfter = a;
    }
  }

  // Route-level checks shared by all positions of route r; sets extra and workLeft.
  private routeOpen(u: number, r: number): boolean {
    const s = this.s;
    const p = s.p;
    if (p.compatible[u * s.nRoutes + r] === 0) return false;
    const end = s.endNode(r);
    if (s.load[end] + p.demand[u] > p.routeCapacity[r]) return false;
    const empty = s.routeLen[r] === 0;
    if (empty) {
      // Identical empty routes give identical insertions: try one per class.
      const c = p.routeClass[r];
      if (this.seenClass[c] === this.stamp) return false;
      this.seenClass[c] = this.stamp;
    }
    this.extra = (empty ? p.routeFixedCost[r] : 0) + s.movePenalty(u, r);
    this.workLeft = p.routeMaxWork[r] - s.work[end] - s.nodeService[u];
    return true;
  }

  private routeOpenCached(u: number, r: number): boolean {
    if (this.routeStamp[r] !== this.stamp) {
      this.routeStamp[r] = this.stamp;
      this.routeOk[r] = this.routeOpen(u, r) ? 1 : 0;
      this.extraOf[r] = this.extra;
      this.workLeftOf[r] = this.workLeft;
    }
    return this.routeOk[r] === 1;
  }

  // Positions to evaluate before the next blink (geometric), instead of one random draw per position.
  private drawBlinkGap(blinkRate: number, rng: Rng | null): number {
    if (blinkRate <= 0 || rng === null) return Infinity;
    return Math.floor(Math.log(1 - rng.next()) / Math.log(1 - blinkRate));
  }

  /** Extra weighted lateness when u starts at st and the visits from b on are pushed by arrival. */
  latenessDelta(u: number, st: number, b: number, arrivalAtB: number): number {
    const s = this.s;
    let delta = s.lateness(u, st);
    let t = arrivalAtB;
    let v = b;
    while (v < s.n) {
      const ns = s.startAt(v, t);
      if (ns <= s.es[v]) break;
      delta += s.lateness(v, ns) - s.lateness(v, s.es[v]);
      t = ns + s.nodeService[v] + s.d(v, s.next[v]);
      v = s.next[v];
    }
    return delta;
  }

  /** Inserts u after the position found by the last successful find(). */
  apply(u: number): void {
    const s = this.s;
    const r = s.routeOf[this.bestAfter];
    s.linkAfter(u, this.bestAfter);
    s.updateAfterInsert(r, u);
  }
}
