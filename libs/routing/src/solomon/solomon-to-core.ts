import { CoreProblem, createCoreProblem } from '../core/core-problem';
import { SolomonInstance } from './solomon-reader';

/**
 * Solomon instance as a core problem: customer i (1-based) is visit i-1 at location i, the depot is
 * location 0; travel = Euclidean distance in double precision; one route per available vehicle.
 */
export function solomonToCore(inst: SolomonInstance): CoreProblem {
  const nLoc = inst.x.length;
  const n = nLoc - 1;
  const R = inst.vehicles;
  const travel = new Float64Array(nLoc * nLoc);
  for (let i = 0; i < nLoc; i++) {
    for (let j = 0; j < nLoc; j++) {
      travel[i * nLoc + j] = Math.hypot(inst.x[i] - inst.x[j], inst.y[i] - inst.y[j]);
    }
  }
  const windowOffset = new Int32Array(n + 1);
  const windowStart = new Float64Array(n);
  const windowEnd = new Float64Array(n);
  const visitLocation = new Int32Array(n);
  const service = new Float64Array(n);
  const demand = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    windowOffset[v + 1] = v + 1;
    windowStart[v] = inst.ready[v + 1];
    windowEnd[v] = inst.due[v + 1];
    visitLocation[v] = v + 1;
    service[v] = inst.service[v + 1];
    demand[v] = inst.demand[v + 1];
  }
  return createCoreProblem({
    nVisits: n,
    nRoutes: R,
    nLocations: nLoc,
    travel,
    visitLocation,
    service,
    demand,
    windowOffset,
    windowStart,
    windowEnd,
    routeStartLocation: new Int32Array(R),
    routeEndLocation: new Int32Array(R),
    routeStart: new Float64Array(R).fill(inst.ready[0]),
    routeEnd: new Float64Array(R).fill(inst.due[0]),
    routeCapacity: new Float64Array(R).fill(inst.capacity),
  });
}
