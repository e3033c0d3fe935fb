import { CoreProblem } from './core-problem';
import { RouteState } from './route-state';

/**
 * What a left-out visit costs while annealing. The true objective prices it at the lexicographic
 * penalty; the search uses a finite base price plus a little for every iteration the visit has been
 * out (SISR's absence counters), so it can cross states serving one visit fewer and rotates which
 * visit is out until all fit. An infinite base price keeps the true objective.
 */
export class LeftOutPricing {
  readonly absences: Int32Array;
  private readonly finite: boolean;

  constructor(
    private readonly p: CoreProblem,
    private readonly basePrice: number,
    private readonly absenceStep: number,
  ) {
    this.absences = new Int32Array(p.nVisits);
    this.finite = Number.isFinite(basePrice);
  }

  /** True objective with the search price for left-out visits. */
  searchCost(s: RouteState): number {
    if (!this.finite) return s.totalCost();
    let extra = 0;
    let left = 0;
    for (let v = 0; v < s.n; v++) {
      if (s.routeOf[v] >= 0) continue;
      left++;
      extra += this.basePrice + this.absenceStep * this.absences[v];
    }
    return s.totalCost() - left * this.p.unassignedPenalty + extra;
  }

  trueCost(s: RouteState, searchCost: number): number {
    return this.finite ? s.totalCost() : searchCost;
  }

  /** Counts one more absence for each listed visit still out after a recreate. */
  countAbsences(s: RouteState, list: Int32Array, count: number): void {
    for (let k = 0; k < count; k++) if (s.routeOf[list[k]] < 0) this.absences[list[k]]++;
  }

  /** Orders the first count visits of list by absences, most absent first (a short list). */
  sortByAbsence(list: Int32Array, count: number): void {
    const absences = this.absences;
    for (let i = 1; i < count; i++) {
      const v = list[i];
      let j = i - 1;
      while (j >= 0 && absences[list[j]] < absences[v]) {
        list[j + 1] = list[j];
        j--;
      }
      list[j + 1] = v;
    }
  }
}
