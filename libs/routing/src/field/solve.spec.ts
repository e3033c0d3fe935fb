import fc from 'fast-check';
import { generateFieldProblem } from '../testing/field-day-generator';
import { GeoPoint, Plan, RoutingProblem, Technician, Visit } from './model';
import { checkPlan } from './plan-checker';
import { solve } from './solve';

const HOUR = 3_600_000;
const DAY0 = Date.UTC(2026, 0, 5);
const at = (hour: number, day = 0): number => DAY0 + day * 24 * HOUR + hour * HOUR;
const paris: GeoPoint = { lat: 48.8566, lon: 2.3522 };
const near = (km: number): GeoPoint => ({ lat: paris.lat + km / 111.2, lon: paris.lon });

const tech = (id: string, over: Partial<Technician> = {}): Technician => ({
  id,
  start: paris,
  shifts: [{ start: at(8), end: at(17) }],
  skills: ['printer', 'network'],
  ...over,
});
const visit = (id: string, over: Partial<Visit> = {}): Visit => ({
  id,
  location: near(5),
  serviceMs: HOUR,
  windows: [{ start: at(8), end: at(18) }],
  ...over,
});
const quick = { seed: 1, maxIterations: 300, timeLimitMs: 20_000 };
const stopOf = (plan: Plan, id: string) => {
  for (const r of plan.routes)
    for (const s of r.stops) if (s.visitId === id) return { ...s, technicianId: r.technicianId, shiftIndex: r.shiftIndex };
  return undefined;
};
const solveChecked = (problem: RoutingProblem, options = {}): Plan => {
  const plan = solve(problem, { ...quick, ...options });
  expect(checkPlan(problem, plan).violations).toEqual([]);
  return plan;
};

describe('solve (field service)', () => {
  it('honours skills, windows, release times, shifts, work limits, capacity, pins and no overlap on random instances', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 5, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        (seed, visits, technicians, days) => {
          const generated = generateFieldProblem({ seed, visits, technicians, days, capacity: 6 });
          // Every fifth visit pinned to some technician: the checker verifies pins too.
          const problem = {
            ...generated,
            visits: generated.visits.map((v, i) => (i % 5 === 0 ? { ...v, pin: { technicianId: `T${(seed + i) % technicians}` } } : v)),
          };
          const plan = solve(problem, { seed, maxIterations: 100, timeLimitMs: 20_000 });
          expect(checkPlan(problem, plan).violations).toEqual([]);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('never starts a visit before its part is delivered (release time)', () => {
    const plan = solveChecked({ visits: [visit('a', { releaseAt: at(14) })], technicians: [tech('t')] });
    expect(stopOf(plan, 'a')?.startAt).toBeGreaterThanOrEqual(at(14));
  });

  it('keeps the whole service inside business hours', () => {
    const plan = solveChecked({
      visits: [visit('a', { serviceMs: 2 * HOUR, windows: [{ start: at(13), end: at(15) }] })],
      technicians: [tech('t')],
    });
    expect(stopOf(plan, 'a')?.startAt).toBe(at(13));
  });

  it('plans a visit on a later day when only that day fits (multi-day horizon)', () => {
    const technicians = [
      tech('t', {
        shifts: [
          { start: at(8), end: at(17) },
          { start: at(8, 1), end: at(17, 1) },
        ],
      }),
    ];
    const windows = [
      { start: at(8), end: at(18) },
      { start: at(8, 1), end: at(18, 1) },
    ];
    const plan = solveChecked({ visits: [visit('a', { releaseAt: at(20), windows })], technicians });
    expect(stopOf(plan, 'a')).toMatchObject({ shiftIndex: 1 });
    expect(stopOf(plan, 'a')?.startAt).toBeGreaterThanOrEqual(at(8, 1));
  });

  it('reports a visit no technician is skilled for as NO_SKILLED_TECHNICIAN', () => {
    const plan = solveChecked({ visits: [visit('a', { requiredSkills: ['mainframe'] }), visit('b')], technicians: [tech('t')] });
    expect(plan.unassigned).toEqual([{ visitId: 'a', reason: 'NO_SKILLED_TECHNICIAN' }]);
    expect(stopOf(plan, 'b')).toBeDefined();
  });

  it('reports a visit whose part arrives after the last shift as RELEASE_AFTER_HORIZON', () => {
    const plan = solveChecked({ visits: [visit('a', { releaseAt: at(30), windows: [] })], technicians: [tech('t')] });
    expect(plan.unassigned).toEqual([{ visitId: 'a', reason: 'RELEASE_AFTER_HORIZON' }]);
  });

  it('reports a visit that fits no shift even alone as NO_FEASIBLE_SLOT', () => {
    const plan = solveChecked({ visits: [visit('a', { serviceMs: 10 * HOUR, windows: [] })], technicians: [tech('t')] });
    expect(plan.unassigned).toEqual([{ visitId: 'a', reason: 'NO_FEASIBLE_SLOT' }]);
  });

  it('reports a pin that contradicts the part delivery as PIN_CONFLICT', () => {
    const plan = solveChecked({ visits: [visit('a', { releaseAt: at(12), pin: { startAt: at(10) } })], technicians: [tech('t')] });
    expect(plan.unassigned).toEqual([{ visitId: 'a', reason: 'PIN_CONFLICT' }]);
  });

  it('keeps a pinned visit on its technician and at its pinned start', () => {
    const technicians = [tech('close'), tech('far', { start: near(40) })];
    const plan = solveChecked({
      visits: [visit('a', { pin: { technicianId: 'far', startAt: at(13) } }), visit('b', { location: near(-5) })],
      technicians,
    });
    expect(stopOf(plan, 'a')).toMatchObject({ technicianId: 'far', startAt: at(13) });
    expect(stopOf(plan, 'b')).toMatchObject({ technicianId: 'close' });
  });

  it('never loads a van beyond its capacity, and reports what does not fit as NO_ROOM_IN_PLAN', () => {
    const visits = ['a', 'b', 'c', 'd'].map((id) => visit(id, { demand: 2, serviceMs: HOUR / 2 }));
    const plan = solveChecked({ visits, technicians: [tech('t', { capacity: 5 })] });
    expect(plan.routes[0].stops).toHaveLength(2);
    expect(plan.unassigned.map((u) => u.reason)).toEqual(['NO_ROOM_IN_PLAN', 'NO_ROOM_IN_PLAN']);
  });

  it('serves every visit that can be served, even at a higher travel cost', () => {
    const visits = ['a', 'b', 'c', 'd'].map((id) => visit(id, { demand: 2, serviceMs: HOUR / 2 }));
    const plan = solveChecked({ visits, technicians: [tech('t1', { capacity: 5 }), tech('t2', { capacity: 5, start: near(60) })] });
    expect(plan.unassigned).toEqual([]);
  });

  it('serves the most severe visit first when both cannot be on time', () => {
    const visits = [
      visit('minor', { severity: 4, targetAt: at(9), location: near(1) }),
      visit('critical', { severity: 1, targetAt: at(9), location: near(30) }),
    ];
    const plan = solveChecked({ visits, technicians: [tech('t')] });
    expect(plan.routes[0].stops.map((s) => s.visitId)).toEqual(['critical', 'minor']);
  });

  it('uses fewer technicians when asked to minimise them', () => {
    const visits = ['a', 'b', 'c'].map((id, i) => visit(id, { location: near(2 + i), serviceMs: HOUR / 2 }));
    const technicians = [tech('t1', { start: near(1) }), tech('t2', { start: near(3) }), tech('t3', { start: near(5) })];
    expect(solveChecked({ visits, technicians }, { minimiseTechnicians: true }).objective.techniciansUsed).toBe(1);
  });

  it('after one part delivery moves, re-optimisation changes little of the plan', () => {
    const problem = generateFieldProblem({ seed: 3, visits: 40, technicians: 6, releaseShare: 0 });
    const before = solveChecked(problem, { maxIterations: 1000 });
    const moved = before.routes.find((r) => r.stops.length >= 3)!.stops[0].visitId;
    const changed: RoutingProblem = {
      ...problem,
      visits: problem.visits.map((v) => (v.id === moved ? { ...v, releaseAt: at(14) } : v)),
    };
    const after = solveChecked(changed, { maxIterations: 1000, previousPlan: before, seed: 2 });
    const fresh = solveChecked(changed, { maxIterations: 1000, seed: 2 });
    const techOf = (plan: Plan, id: string) => stopOf(plan, id)?.technicianId;
    const others = problem.visits.filter((v) => v.id !== moved && techOf(before, v.id) !== undefined);
    const movedAfter = others.filter((v) => techOf(after, v.id) !== techOf(before, v.id)).length;
    const movedFresh = others.filter((v) => techOf(fresh, v.id) !== techOf(before, v.id)).length;
    expect(stopOf(after, moved)?.startAt ?? at(14)).toBeGreaterThanOrEqual(at(14));
    expect(after.objective.unassigned).toBeLessThanOrEqual(before.objective.unassigned + 1);
    expect(movedAfter).toBeLessThanOrEqual(Math.ceil(others.length * 0.1));
    expect(movedAfter).toBeLessThan(movedFresh);
  });
});

describe('solve on degenerate inputs', () => {
  it('returns an empty plan for no visits, and every visit unassigned with no technicians', () => {
    expect(solveChecked({ visits: [], technicians: [tech('t')] }).routes).toEqual([]);
    expect(solveChecked({ visits: [visit('a')], technicians: [] }).unassigned).toEqual([{ visitId: 'a', reason: 'NO_SKILLED_TECHNICIAN' }]);
  });
});
