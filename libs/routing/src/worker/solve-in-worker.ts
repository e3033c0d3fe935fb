import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { problemPoints } from '../field/build-core';
import { Plan, RoutingProblem, SolveOptions } from '../field/model';
import { WorkerReply, WorkerRequest } from './messages';

/**
 * Runs {@link solve} on a worker thread so the caller's event loop stays free. A custom
 * `travelMatrix` provider runs first on the calling thread (functions cannot cross threads);
 * `onImprovement` events are relayed back. Rejects if the worker fails.
 */
export function solveInWorker(problem: RoutingProblem, options: SolveOptions = {}): Promise<Plan> {
  const { travelMatrix, onImprovement, ...rest } = options;
  const request: WorkerRequest = {
    problem,
    options: rest,
    matrixMs: travelMatrix ? travelMatrix(problemPoints(problem)) : undefined,
    reportProgress: onImprovement !== undefined,
  };
  return new Promise<Plan>((resolve, reject) => {
    const worker = startWorker();
    let settled = false;
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') return onImprovement?.(reply.event);
      settled = true;
      void worker.terminate();
      if (reply.type === 'done') resolve(reply.plan);
      else reject(new Error(`routing worker failed: ${reply.message}`));
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`routing worker exited with code ${code}`));
    });
    worker.postMessage(request);
  });
}

// Compiled builds ship solve-worker.js; from sources (jest, swc-node) the TypeScript entry is
// loaded through @swc-node/register inside the thread.
function startWorker(): Worker {
  const compiled = join(__dirname, 'solve-worker.js');
  if (existsSync(compiled)) return new Worker(compiled);
  const register = require.resolve('@swc-node/register');
  const entry = join(__dirname, 'solve-worker.ts');
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(entry)});`, { eval: true });
}
