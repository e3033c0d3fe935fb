import { parentPort } from 'node:worker_threads';
import { solve } from '../field/solve';
import { WorkerReply, WorkerRequest } from './messages';

// Worker thread entry: one request in, progress events and one plan (or error) out.
parentPort?.once('message', (request: WorkerRequest) => {
  const post = (reply: WorkerReply): void => parentPort?.postMessage(reply);
  try {
    const matrix = request.matrixMs;
    const plan = solve(request.problem, {
      ...request.options,
      travelMatrix: matrix ? () => matrix : undefined,
      onImprovement: request.reportProgress ? (event) => post({ type: 'progress', event }) : undefined,
    });
    post({ type: 'done', plan });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
