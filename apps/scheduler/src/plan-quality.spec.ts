import type { Plan } from '@polyplus/routing';
import { planQuality } from './plan-quality';

const stop = (visitId: string, lateMs = 0) => ({ visitId, arrivalAt: 0, startAt: 0, endAt: 0, lateMs });
const route = (technicianId: string, travelMs: number, stops: ReturnType<typeof stop>[]) => ({
  technicianId,
  shiftIndex: 0,
  departAt: 0,
  returnAt: 0,
  travelMs,
  stops,
});

describe('plan quality', () => {
  it('counts served stops, lateness and travel over every route, and left-out visits with those never planned', () => {
    const plan: Plan = {
      routes: [route('t1', 1_800_000, [stop('v1'), stop('v2', 600_000)]), route('t2', 900_000, [stop('v3', 60_000)])],
      unassigned: [{ visitId: 'v4', reason: 'NO_SKILLED_TECHNICIAN' }],
      objective: { unassigned: 1, weightedLatenessMs: 0, techniciansUsed: 2, travelMs: 2_700_000, movedVisits: 0 },
      iterations: 1,
      elapsedMs: 1,
    };
    expect(planQuality(plan, [{ visitId: 'v5', reason: 'PART_ETA_UNKNOWN' }])).toEqual({
      served: 3,
      unserved: 2,
      latenessMs: 660_000,
      travelMs: 2_700_000,
    });
  });

  it('an empty region has nothing served, nothing left out', () => {
    const plan: Plan = {
      routes: [],
      unassigned: [],
      objective: { unassigned: 0, weightedLatenessMs: 0, techniciansUsed: 0, travelMs: 0, movedVisits: 0 },
      iterations: 0,
      elapsedMs: 0,
    };
    expect(planQuality(plan, [])).toEqual({ served: 0, unserved: 0, latenessMs: 0, travelMs: 0 });
  });
});
