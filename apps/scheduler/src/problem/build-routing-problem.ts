import type { OnsiteVisit, RegionSnapshot } from '@polyplus/dispatch-data';
import type { Plan, RoutingProblem, TechnicianRoute, Visit } from '@polyplus/routing';
import { siteWindows, technicianShifts } from '@polyplus/dispatch-data';

export const HORIZON_DAYS = 7;
const DAY_MS = 86_400_000;

export type BuiltRegionProblem = {
  problem: RoutingProblem;
  previousPlan: Plan;
  /** Visits that cannot enter the problem at all, with the reason. */
  excluded: { visitId: string; reason: string }[];
};

/** Turns a region snapshot into the optimiser's problem, with the current placements as the previous plan. */
export function buildRoutingProblem(snapshot: RegionSnapshot, now: number): BuiltRegionProblem {
  const to = now + HORIZON_DAYS * DAY_MS;
  const technicians = snapshot.technicians.map((technician) => ({
    id: technician.id,
    start: { lat: technician.homeLatitude, lon: technician.homeLongitude },
    shifts: technicianShifts(technician, snapshot.absences, now, to),
    skills: technician.skills,
    maxWorkMs: technician.maxDailyWorkMinutes * 60_000,
  }));
  const excluded: BuiltRegionProblem['excluded'] = [];
  const visits: Visit[] = [];
  for (const visit of snapshot.visits) {
    const built = toVisit(visit, now, to);
    if (typeof built === 'string') excluded.push({ visitId: visit.id, reason: built });
    else visits.push(built);
  }
  const problem = { visits, technicians };
  return { problem, previousPlan: previousPlanOf(snapshot.visits, technicians), excluded };
}

function toVisit(visit: OnsiteVisit, now: number, to: number): Visit | string {
  // A back-ordered part has no delivery date yet: the visit waits for one instead of being planned early.
  if (visit.replacementOrderId && !visit.releaseAt) return 'PART_ETA_UNKNOWN';
  if (visit.latitude === null || visit.longitude === null || !visit.siteTimeZone || !visit.siteCountryCode) return 'NO_SITE_LOCATION';
  let windows;
  try {
    windows = siteWindows(
      { timeZone: visit.siteTimeZone, countryCode: visit.siteCountryCode, subdivision: visit.siteSubdivision },
      now,
      to,
    );
  } catch {
    return 'INVALID_SITE_CALENDAR';
  }
  // An empty list would mean "any time" to the optimiser: a site closed all horizon cannot be visited.
  if (windows.length === 0) return 'NO_FEASIBLE_SLOT';
  const pinned = visit.pinned && visit.technicianId && visit.windowStart;
  return {
    id: visit.id,
    location: { lat: visit.latitude, lon: visit.longitude },
    serviceMs: visit.durationMinutes * 60_000,
    windows,
    releaseAt: visit.releaseAt?.getTime(),
    // The visit is due as soon as it could start (the part on site, or now): every hour it waits
    // after that is lateness weighted by the case's severity, so idle technicians take work today
    // rather than the nearest one doing it next week.
    targetAt: Math.max(now, visit.releaseAt?.getTime() ?? now),
    requiredSkills: visit.requiredSkills,
    severity: visit.severity,
    pin: pinned ? { technicianId: visit.technicianId as string, startAt: (visit.windowStart as Date).getTime() } : undefined,
  };
}

/** The committed placements as a Plan, so the optimiser starts from them and counts moves. */
function previousPlanOf(visits: OnsiteVisit[], technicians: { id: string; shifts: { start: number; end: number }[] }[]): Plan {
  const routes = new Map<string, TechnicianRoute>();
  const placed = visits
    .filter((visit) => visit.technicianId && visit.windowStart)
    .sort((a, b) => (a.routeSequence ?? 0) - (b.routeSequence ?? 0));
  for (const visit of placed) {
    const technician = technicians.find((candidate) => candidate.id === visit.technicianId);
    const start = (visit.windowStart as Date).getTime();
    const shiftIndex = technician?.shifts.findIndex((shift) => shift.start <= start && start < shift.end) ?? -1;
    if (!technician || shiftIndex < 0) continue;
    const key = `${technician.id}#${shiftIndex}`;
    const route = routes.get(key) ?? { technicianId: technician.id, shiftIndex, departAt: 0, returnAt: 0, travelMs: 0, stops: [] };
    route.stops.push({ visitId: visit.id, arrivalAt: start, startAt: start, endAt: (visit.windowEnd as Date).getTime(), lateMs: 0 });
    routes.set(key, route);
  }
  const objective = { unassigned: 0, weightedLatenessMs: 0, techniciansUsed: 0, travelMs: 0, movedVisits: 0 };
  return { routes: [...routes.values()], unassigned: [], objective, iterations: 0, elapsedMs: 0 };
}
