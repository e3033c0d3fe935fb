import { CoreProblem } from './core-problem';

const INFEASIBLE_ROUTE = 1e15;

/**
 * A solution as doubly linked routes over node ids: visits are 0..n-1, route r has a start node
 * n+2r and an end node n+2r+1. Each node keeps forward data (earliest start, cumulative load, work
 * and lateness) and backward data (latest start that keeps the rest of its route feasible), so a
 * move touching two places of a route is checked in O(1) (O(windows) for multi-window visits).
 */
export class RouteState {
  readonly n: number;
  readonly nRoutes: number;
  readonly nodeCount: number;
  readonly next: Int32Array;
  readonly prev: Int32Array;
  readonly routeOf: Int32Array;
  readonly pos: Int32Array;
  /** Earliest service start (ASAP schedule). */
  readonly es: Float64Array;
  /** Latest service start (equivalently latest arrival) keeping the suffix feasible. */
  readonly ls: Float64Array;
  /** Load from the route start up to and including the node. */
  readonly load: Float64Array;
  /** Travel + service from the route start up to arrival at the node. */
  readonly work: Float64Array;
  /** Cumulative travel, weighted lateness and move penalties up to and including the node. */
  readonly accDist: Float64Array;
  readonly accLate: Float64Array;
  readonly accPenalty: Float64Array;
  readonly routeLen: Int32Array;
  readonly routeDist: Float64Array;
  readonly routeLate: Float64Array;
  readonly routeCost: Float64Array;
  // Per-node static data, depots included.
  readonly nodeLoc: Int32Array;
  readonly nodeService: Float64Array;
  readonly nodeWinOffset: Int32Array;
  readonly nodeWinStart: Float64Array;
  readonly nodeWinEnd: Float64Array;
  readonly lateWeight: Float64Array;
  readonly nodeTarget: Float64Array;
  readonly travel: Float64Array;
  readonly nLoc: number;

  constructor(readonly p: CoreProblem) {
    const n = p.nVisits;
    const R = p.nRoutes;
    const N = n + 2 * R;
    this.n = n;
    this.nRoutes = R;
    this.nodeCount = N;
    this.next = new Int32Array(N);
    this.prev = new Int32Array(N);
    this.routeOf = new Int32Array(N).fill(-1);
    this.pos = new Int32Array(N);
    this.es = new Float64Array(N);
    this.ls = new Float64Array(N);
    this.load = new Float64Array(N);
    this.work = new Float64Array(N);
    this.accDist = new Float64Array(N);
    this.accLate = new Float64Array(N);
    this.accPenalty = new Float64Array(N);
    this.routeLen = new Int32Array(R);
    this.routeDist = new Float64Array(R);
    this.routeLate = new Float64Array(R);
    this.routeCost = new Float64Array(R);
    this.travel = p.travel;
    this.nLoc = p.nLocations;
    this.nodeLoc = new Int32Array(N);
    this.nodeService = new Float64Array(N);
    this.lateWeight = new Float64Array(N);
    this.nodeTarget = new Float64Array(N);
    const windowCount = p.windowOffset[n];
    this.nodeWinOffset = new Int32Array(N + 1);
    this.nodeWinStart = new Float64Array(windowCount + 2 * R);
    this.nodeWinEnd = new Float64Array(windowCount + 2 * R);
    this.nodeWinOffset.set(p.windowOffset.subarray(0, n + 1));
    this.nodeWinStart.set(p.windowStart.subarray(0, windowCount));
    this.nodeWinEnd.set(p.windowEnd.subarray(0, windowCount));
    for (let v = 0; v < n; v++) {
      this.nodeLoc[v] = p.visitLocation[v];
      this.nodeService[v] = p.service[v];
      this.lateWeight[v] = p.latenessWeight[v] * p.latenessScale;
      this.nodeTarget[v] = p.target[v];
    }
    for (let r = 0; r < R; r++) {
      const s = n + 2 * r;
      this.nodeLoc[s] = p.routeStartLocation[r];
      this.nodeLoc[s + 1] = p.routeEndLocation[r];
      for (let k = 0; k < 2; k++) {
        const w = windowCount + 2 * r + k;
        this.nodeWinStart[w] = p.routeStart[r];
        this.nodeWinEnd[w] = p.routeEnd[r];
        this.nodeWinOffset[s + k + 1] = w + 1;
      }
      this.routeOf[s] = r;
      this.routeOf[s + 1] = r;
    }
    for (let r = 0; r < R; r++) this.clearRoute(r);
  }

  startNode(r: number): number {
    return this.n + 2 * r;
  }

  endNode(r: number): number {
    return this.n + 2 * r + 1;
  }

  d(a: number, b: number): number {
    return this.travel[this.nodeLoc[a] * this.nLoc + this.nodeLoc[b]];
  }

  /** Earliest start at node v when arriving at t, or Infinity when every window has closed. */
  startAt(v: number, t: number): number {
    const end = this.nodeWinOffset[v + 1];
    for (let k = this.nodeWinOffset[v]; k < end; k++) {
      if (t <= this.nodeWinEnd[k]) return t > this.nodeWinStart[k] ? t : this.nodeWinStart[k];
    }
    return Infinity;
  }

  /** Latest start at node v not after bound, or -Infinity. */
  latestStart(v: number, bound: number): number {
    const begin = this.nodeWinOffset[v];
    for (let k = this.nodeWinOffset[v + 1] - 1; k >= begin; k--) {
      if (bound >= this.nodeWinStart[k]) return bound < this.nodeWinEnd[k] ? bound : this.nodeWinEnd[k];
    }
    return -Infinity;
  }

  lateness(v: number, start: number): number {
    const w = this.lateWeight[v];
    if (w === 0) return 0;
    const l = start - this.nodeTarget[v];
    return l > 0 ? w * l : 0;
  }

  movePenalty(v: number, r: number): number {
    const prev = this.p.previousRoute[v];
    return prev >= 0 && prev !== r ? this.p.movePenalty : 0;
  }

  clearRoute(r: number): void {
    const s = this.startNode(r);
    const e = s + 1;
    this.next[s] = e;
    this.prev[e] = s;
    this.prev[s] = -1;
    this.next[e] = -1;
    this.update(r);
  }

  /** Recomputes the forward and backward data and the cost of route r (O(route length)). */
  update(r: number): void {
    const s = this.startNode(r);
    this.es[s] = this.p.routeStart[r];
    this.forwardFrom(r, this.next[s]);
    this.backwardFrom(r, this.prev[s + 1], false);
  }

  /** Cheaper update after inserting u into route r: the prefix before u keeps its forward data. */
  updateAfterInsert(r: number, u: number): void {
    this.forwardFrom(r, u);
    this.backwardFrom(r, u, true);
  }

  // Forward data from node v to the end, given valid data at prev[v]; then the route's totals.
  private forwardFrom(r: number, v: number): void {
    const p = this.p;
    const e = this.endNode(r);
    let u = this.prev[v];
    while (true) {
      const t = this.d(u, v);
      const svc = this.nodeService[u];
      const arrival = this.es[u] + svc + t;
      this.work[v] = this.work[u] + svc + t;
      this.pos[v] = this.pos[u] + 1;
      this.accDist[v] = this.accDist[u] + t;
      this.routeOf[v] = r;
      if (v === e) {
        this.es[v] = arrival;
        this.load[v] = this.load[u];
        this.accLate[v] = this.accLate[u];
        this.accPenalty[v] = this.accPenalty[u];
        break;
      }
      const st = this.startAt(v, arrival);
      this.es[v] = st;
      this.load[v] = this.load[u] + p.demand[v];
      this.accLate[v] = this.accLate[u] + this.lateness(v, st);
      this.accPenalty[v] = this.accPenalty[u] + this.movePenalty(v, r);
      u = v;
      v = this.next[v];
    }
    const len = this.pos[e] - 1;
    const dist = this.accDist[e];
    const late = this.accLate[e];
    this.routeLen[r] = len;
    this.routeDist[r] = dist;
    this.routeLate[r] = late;
    // Guard for non-metric matrices, where removing a visit can make a route late.
    const broken = this.routeFeasible(r) ? 0 : INFEASIBLE_ROUTE;
    this.routeCost[r] = dist + late + this.accPenalty[e] + (len > 0 ? p.routeFixedCost[r] : 0) + broken;
  }

  // Latest starts from node u back to the route start, given a valid next[u]. With earlyStop, stops
  // where a latest start is unchanged: everything before it is unchanged too.
  private backwardFrom(r: number, u: number, earlyStop: boolean): void {
    const s = this.startNode(r);
    const e = s + 1;
    this.ls[e] = this.p.routeEnd[r];
    let v = this.next[u];
    let first = true;
    while (u !== s) {
      const value = this.latestStart(u, this.ls[v] - this.nodeService[u] - this.d(u, v));
      // The first node's old value is stale (it may be the node just inserted).
      if (earlyStop && !first && value === this.ls[u]) return;
      first = false;
      this.ls[u] = value;
      v = u;
      u = this.prev[u];
    }
    this.ls[s] = this.ls[v] - this.d(s, v);
  }

  /** Links v after node a (no update: call update(route) once the route's edits are done). */
  linkAfter(v: number, a: number): void {
    const b = this.next[a];
    this.next[a] = v;
    this.prev[v] = a;
    this.next[v] = b;
    this.prev[b] = v;
    this.routeOf[v] = this.routeOf[a];
  }

  unlink(v: number): void {
    const a = this.prev[v];
    const b = this.next[v];
    this.next[a] = b;
    this.prev[b] = a;
    this.routeOf[v] = -1;
  }

  routeFeasible(r: number): boolean {
    const e = this.endNode(r);
    const p = this.p;
    return this.es[e] <= p.routeEnd[r] && this.load[e] <= p.routeCapacity[r] && this.work[e] <= p.routeMaxWork[r];
  }

  unassignedCount(): number {
    let c = 0;
    for (let v = 0; v < this.n; v++) if (this.routeOf[v] < 0) c++;
    return c;
  }

  totalCost(): number {
    let c = 0;
    for (let r = 0; r < this.nRoutes; r++) c += this.routeCost[r];
    return c + this.unassignedCount() * this.p.unassignedPenalty;
  }

  copyFrom(o: RouteState): void {
    this.next.set(o.next);
    this.prev.set(o.prev);
    this.routeOf.set(o.routeOf);
    this.pos.set(o.pos);
    this.es.set(o.es);
    this.ls.set(o.ls);
    this.load.set(o.load);
    this.work.set(o.work);
    this.accDist.set(o.accDist);
    this.accLate.set(o.accLate);
    this.accPenalty.set(o.accPenalty);
    this.routeLen.set(o.routeLen);
    this.routeDist.set(o.routeDist);
    this.routeLate.set(o.routeLate);
    this.routeCost.set(o.routeCost);
  }

  /** Visit ids of route r in order. */
  routeVisits(r: number): number[] {
    const out: number[] = [];
    for (let v = this.next[this.startNode(r)]; v < this.n; v = this.next[v]) out.push(v);
    return out;
  }
}
