import { GeoPoint, Plan, RoutingProblem } from './model';
import { checkPlan } from './plan-checker';
import { greatCircleMatrix } from './travel-matrix';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 5);
const home: GeoPoint = { lat: 48.85, lon: 2.35 };
const site: GeoPoint = { lat: 48.9, lon: 2.35 };
const leg = greatCircleMatrix()([home, site])[1];

const problem: RoutingProblem = {
  technicians: [{ id: 't', start: home, shifts: [{ start: T0 + 8 * HOUR, end: T0 + 17 * HOUR }], skills: ['printer'], capacity: 2 }],
  visits: [
    {
      id: 'a',
      location: site,
      serviceMs: HOUR,
      windows: [{ start: T0 + 8 * HOUR, end: T0 + 18 * HOUR }],
      releaseAt: T0 + 10 * HOUR,
      requiredSkills: ['printer'],
      demand: 1,
    },
    { id: 'b', location: site, serviceMs: HOUR, demand: 1 },
  ],
};

// A correct plan: a at 10:00 (part delivered), then b right after.
function goodPlan(): Plan {
  const depart = T0 + 8 * HOUR;
  return {
    routes: [
      {
        technicianId: 't',
        shiftIndex: 0,
        departAt: depart,
        returnAt: T0 + 12 * HOUR + leg,
        travelMs: 2 * leg,
        stops: [
          { visitId: 'a', arrivalAt: depart + leg, startAt: T0 + 10 * HOUR, endAt: T0 + 11 * HOUR, lateMs: 0 },
          { visitId: 'b', arrivalAt: T0 + 11 * HOUR, startAt: T0 + 11 * HOUR, endAt: T0 + 12 * HOUR, lateMs: 0 },
        ],
      },
    ],
    unassigned: [],
    objective: { unassigned: 0, weightedLatenessMs: 0, techniciansUsed: 1, travelMs: 2 * leg, movedVisits: 0 },
    iterations: 0,
    elapsedMs: 0,
  };
}

function violationsAfter(edit: (plan: Plan) => void, p: RoutingProblem = problem): string {
  const plan = goodPlan();
  edit(plan);
  return checkPlan(p, plan).violations.join('\n');
}

const withStart = (plan: Plan, i: number, startAt: number): void => {
  const stop = plan.routes[0].stops[i];
  stop.startAt = startAt;
  stop.endAt = startAt + HOUR;
};

describe('checkPlan', () => {
  it('accepts a correct plan', () => {
    expect(checkPlan(problem, goodPlan())).toEqual({ feasible: true, violations: [] });
  });

  it('rejects a start before the part is delivered', () => {
    expect(violationsAfter((p) => withStart(p, 0, T0 + 9 * HOUR))).toMatch(/before its part is delivered/);
  });

  it('rejects a service running past business hours', () => {
    expect(violationsAfter((p) => withStart(p, 0, T0 + 17.5 * HOUR))).toMatch(/outside business hours/);
  });

  it('rejects an arrival faster than travel allows', () => {
    expect(violationsAfter((p) => (p.routes[0].stops[0].arrivalAt = T0 + 8 * HOUR))).toMatch(/arrives before travel allows/);
  });

  it('rejects overlapping stops of one technician', () => {
    expect(violationsAfter((p) => withStart(p, 1, T0 + 10.5 * HOUR))).toMatch(/overlapping|arrives before/);
  });

  it('rejects a missing skill, a broken pin and a load over capacity', () => {
    const strict: RoutingProblem = {
      technicians: [{ ...problem.technicians[0], skills: [], capacity: 1 }],
      visits: [problem.visits[0], { ...problem.visits[1], pin: { technicianId: 'x' } }],
    };
    const v = violationsAfter(() => undefined, strict);
    expect(v).toMatch(/lacks printer/);
    expect(v).toMatch(/pinned to x/);
    expect(v).toMatch(/over capacity/);
  });

  it('rejects a return after the shift end', () => {
    const short: RoutingProblem = {
      ...problem,
      technicians: [{ ...problem.technicians[0], shifts: [{ start: T0 + 8 * HOUR, end: T0 + 12 * HOUR }] }],
    };
    expect(violationsAfter(() => undefined, short)).toMatch(/back after the shift ends/);
  });

  it('rejects a visit planned twice or neither planned nor reported', () => {
    expect(violationsAfter((p) => p.unassigned.push({ visitId: 'a', reason: 'NO_ROOM_IN_PLAN' }))).toMatch(/visit a appears 2 times/);
    expect(violationsAfter((p) => p.routes[0].stops.pop())).toMatch(/visit b appears 0 times/);
  });
});
