import { checkSolomonPlan } from './solomon-checker';
import { SolomonInstance } from './solomon-reader';

// Depot at (0,0) open until 100; customers 1 and 2 on the x axis.
const inst: SolomonInstance = {
  name: 'hand',
  vehicles: 1,
  capacity: 10,
  x: Float64Array.from([0, 10, 20]),
  y: Float64Array.from([0, 0, 0]),
  demand: Float64Array.from([0, 5, 5]),
  ready: Float64Array.from([0, 0, 30]),
  due: Float64Array.from([100, 15, 40]),
  service: Float64Array.from([0, 5, 5]),
};

describe('checkSolomonPlan', () => {
  it('accepts a feasible plan and recomputes its distance', () => {
    expect(checkSolomonPlan(inst, [[1, 2]])).toEqual({ feasible: true, distance: 40, vehicles: 1, violations: [] });
  });

  it('flags a customer served after its due time', () => {
    expect(checkSolomonPlan(inst, [[2, 1]]).violations.join()).toMatch(/customer 1 starts at .* after due/);
  });

  it('flags a load over capacity', () => {
    expect(checkSolomonPlan({ ...inst, capacity: 9 }, [[1, 2]]).violations.join()).toMatch(/exceeds capacity/);
  });

  it('flags a late return to the depot', () => {
    expect(checkSolomonPlan({ ...inst, due: Float64Array.from([50, 15, 40]) }, [[1, 2]]).violations.join()).toMatch(/returns at/);
  });

  it('flags a missing or repeated customer and too many vehicles', () => {
    const v = checkSolomonPlan(inst, [[1], [1]]).violations.join();
    expect(v).toMatch(/customer 1 served 2 times/);
    expect(v).toMatch(/customer 2 served 0 times/);
    expect(v).toMatch(/2 vehicles used/);
  });
});
