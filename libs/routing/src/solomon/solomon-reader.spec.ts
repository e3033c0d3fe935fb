import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSolomonPlan } from './solomon-checker';
import { readSolomon } from './solomon-reader';
import { solveSolomon } from './solve-solomon';

const c101Path = join(__dirname, '../../../../../shared/solomon/C101.txt');

describe('readSolomon', () => {
  const inst = readSolomon(readFileSync(c101Path, 'utf8'));

  it('parses C101: 25 vehicles of capacity 200, the depot and 100 customers', () => {
    expect(inst.name).toBe('C101');
    expect(inst.vehicles).toBe(25);
    expect(inst.capacity).toBe(200);
    expect(inst.x.length).toBe(101);
    expect([inst.x[0], inst.y[0], inst.due[0]]).toEqual([40, 50, 1236]);
    expect([inst.x[1], inst.y[1], inst.demand[1], inst.ready[1], inst.due[1], inst.service[1]]).toEqual([45, 68, 10, 912, 967, 90]);
    expect([inst.x[100], inst.y[100], inst.demand[100], inst.ready[100], inst.due[100]]).toEqual([55, 85, 20, 647, 726]);
  });

  it('rejects a file without the vehicle block', () => {
    expect(() => readSolomon('C999\n\nCUSTOMER\n')).toThrow(/VEHICLE/);
  });

  it('reaches the best-known C101 distance (828.94) with a feasible plan', () => {
    const plan = solveSolomon(inst, { seed: 1, maxIterations: 1500, timeLimitMs: 20_000 });
    const check = checkSolomonPlan(inst, plan.routes);
    expect(check.violations).toEqual([]);
    expect(check.distance).toBeLessThan(828.94 * 1.01);
  });
});
