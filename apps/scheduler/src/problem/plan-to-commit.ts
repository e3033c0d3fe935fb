import type { PlanCommit, RegionSnapshot } from '@polyplus/dispatch-data';
import type { Plan } from '@polyplus/routing';

/** The optimiser's plan as rows to write: stops in route order with travel from the previous stop. */
export function planToCommit(snapshot: RegionSnapshot, plan: Plan, excluded: PlanCommit['unassigned'], plannedAt: Date): PlanCommit {
  const placements: PlanCommit['placements'] = [];
  for (const route of plan.routes) {
    let leftAt = route.departAt;
    route.stops.forEach((stop, index) => {
      placements.push({
        visitId: stop.visitId,
        technicianId: route.technicianId,
        sequence: index,
        arrivalAt: new Date(stop.arrivalAt),
        startAt: new Date(stop.startAt),
        endAt: new Date(stop.endAt),
        travelMinutes: Math.max(0, Math.round((stop.arrivalAt - leftAt) / 60_000)),
      });
      leftAt = stop.endAt;
    });
  }
  const unassigned = [...excluded, ...plan.unassigned.map(({ visitId, reason }) => ({ visitId, reason }))];
  return { region: snapshot.region, baseVersion: snapshot.version, plannedAt, placements, unassigned };
}
