/**
 * The solver's internal problem: everything in typed arrays, times in one unit (any unit, as long as
 * travel, service and windows agree). Visits are 0..nVisits-1; a "route" is one vehicle (Solomon) or
 * one technician shift (field service). Build it with {@link createCoreProblem}.
 */
export type CoreProblem = {
  nVisits: number;
  nRoutes: number;
  nLocations: number;
  /** Row-major nLocations × nLocations travel times (also the travel cost). */
  travel: Float64Array;
  visitLocation: Int32Array;
  service: Float64Array;
  demand: Float64Array;
  /** Windows of visit v are indices windowOffset[v] .. windowOffset[v+1]-1, sorted, release already applied. */
  windowOffset: Int32Array;
  windowStart: Float64Array;
  windowEnd: Float64Array;
  /** Lateness weight (0 = none) and the target start instant per visit. */
  latenessWeight: Float64Array;
  target: Float64Array;
  /** Route a visit was on in the previous plan (-1 = none): moving it costs movePenalty. */
  previousRoute: Int32Array;
  routeStartLocation: Int32Array;
  routeEndLocation: Int32Array;
  routeStart: Float64Array;
  routeEnd: Float64Array;
  routeCapacity: Float64Array;
  /** Upper bound on travel + service time of a route (waiting not counted). */
  routeMaxWork: Float64Array;
  routeFixedCost: Float64Array;
  /** compatible[v * nRoutes + r] = 1 when visit v may go on route r (skills, pins). */
  compatible: Uint8Array;
  /** Routes with the same class are interchangeable (lets insertion try one empty route per class). */
  routeClass: Int32Array;
  movePenalty: number;
  unassignedPenalty: number;
  latenessScale: number;
};

export type CoreProblemInit = Omit<
  CoreProblem,
  | 'routeClass'
  | 'previousRoute'
  | 'latenessWeight'
  | 'target'
  | 'compatible'
  | 'routeFixedCost'
  | 'routeMaxWork'
  | 'movePenalty'
  | 'unassignedPenalty'
  | 'latenessScale'
> &
  Partial<CoreProblem>;

/** Fills the optional parts of a {@link CoreProblem} with neutral values and derives the route classes. */
export function createCoreProblem(init: CoreProblemInit): CoreProblem {
  const n = init.nVisits;
  const r = init.nRoutes;
  const compatible = init.compatible ?? new Uint8Array(n * r).fill(1);
  const previousRoute = init.previousRoute ?? new Int32Array(n).fill(-1);
  const problem: CoreProblem = {
    ...init,
    latenessWeight: init.latenessWeight ?? new Float64Array(n),
    target: init.target ?? new Float64Array(n),
    previousRoute,
    compatible,
    routeFixedCost: init.routeFixedCost ?? new Float64Array(r),
    routeMaxWork: init.routeMaxWork ?? new Float64Array(r).fill(Infinity),
    routeClass: new Int32Array(r),
    movePenalty: init.movePenalty ?? 0,
    unassignedPenalty: init.unassignedPenalty ?? 1e9,
    latenessScale: init.latenessScale ?? 1,
  };
  problem.routeClass = deriveRouteClasses(problem);
  return problem;
}

function deriveRouteClasses(p: CoreProblem): Int32Array {
  const classes = new Int32Array(p.nRoutes);
  const byKey = new Map<string, number>();
  const usesPreviousRoute = p.previousRoute.some((x) => x >= 0);
  for (let r = 0; r < p.nRoutes; r++) {
    // A previous plan makes every route distinct: moving a visit there has its own price.
    let key = usesPreviousRoute
      ? `route${r}`
      : [
          p.routeStartLocation[r],
          p.routeEndLocation[r],
          p.routeStart[r],
          p.routeEnd[r],
          p.routeCapacity[r],
          p.routeMaxWork[r],
          p.routeFixedCost[r],
        ].join(',');
    if (!usesPreviousRoute) {
      let column = '';
      for (let v = 0; v < p.nVisits; v++) column += p.compatible[v * p.nRoutes + r];
      key += column;
    }
    let id = byKey.get(key);
    if (id === undefined) {
      id = byKey.size;
      byKey.set(key, id);
    }
    classes[r] = id;
  }
  return classes;
}

export function hasLateness(p: CoreProblem): boolean {
  return p.latenessWeight.some((w) => w > 0);
}
