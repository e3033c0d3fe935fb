import { checkPlan } from '../field/plan-checker';
import { solve } from '../field/solve';
import { generateFieldProblem } from '../testing/field-day-generator';
import { solveInWorker } from './solve-in-worker';

describe('solveInWorker', () => {
  it('returns the same plan as solve() while the calling event loop keeps running', async () => {
    const problem = generateFieldProblem({ seed: 9, visits: 30, technicians: 4 });
    const options = { seed: 4, maxIterations: 400, timeLimitMs: 60_000 };
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const progress: number[] = [];
    const plan = await solveInWorker(problem, { ...options, onImprovement: (e) => progress.push(e.travelMs) });
    clearInterval(timer);
    expect(checkPlan(problem, plan).violations).toEqual([]);
    expect(plan.routes).toEqual(solve(problem, options).routes);
    expect(progress.length).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThan(0);
  }, 30_000);
});
