import { Inserter } from './insertion';
import { Rng } from './rng';
import { RouteState } from './route-state';

/**
 * Greedy reinsertion of removed visits in one of SISR's orders (random, largest demand, farthest,
 * closest), each at its cheapest position with blinks. Visits no route can take stay unassigned.
 */
export class Recreate {
  private readonly key: Float64Array;
  private readonly farFromDepot: Float64Array;

  constructor(
    private readonly s: RouteState,
    private readonly inserter: Inserter,
  ) {
    this.key = new Float64Array(s.n);
    this.farFromDepot = new Float64Array(s.n);
    const depot = s.startNode(0);
    for (let v = 0; v < s.n; v++) this.farFromDepot[v] = s.d(depot, v);
  }

  /** Inserts list[0..count): the first `firstFixed` keep their order (hard visits go first), the rest are sorted. */
  run(list: Int32Array, count: number, blinkRate: number, rng: Rng, firstFixed = 0): void {
    this.sort(list, firstFixed, count, rng);
    for (let i = 0; i < count; i++) {
      const u = list[i];
      if (this.inserter.find(u, blinkRate, rng)) this.inserter.apply(u);
    }
  }

  // Sorts list[from..to) in place without allocating (the lists are short).
  private sort(list: Int32Array, from: number, to: number, rng: Rng): void {
    const pick = rng.next() * 11;
    if (pick < 4) {
      for (let i = to - 1; i > from; i--) {
        const j = from + rng.int(i - from + 1);
        const t = list[i];
        list[i] = list[j];
        list[j] = t;
      }
      return;
    }
    const demand = this.s.p.demand;
    const key = this.key;
    for (let i = from; i < to; i++) {
      const v = list[i];
      key[v] = pick < 8 ? demand[v] : pick < 10 ? this.farFromDepot[v] : -this.farFromDepot[v];
    }
    // Insertion sort, largest key first.
    for (let i = from + 1; i < to; i++) {
      const v = list[i];
      let j = i - 1;
      while (j >= from && key[list[j]] < key[v]) {
        list[j + 1] = list[j];
        j--;
      }
      list[j + 1] = v;
    }
  }
}
