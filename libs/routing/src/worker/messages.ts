import { Plan, RoutingProblem, SolveOptions, SolveProgress } from '../field/model';

/** Options that can cross a thread boundary (no functions). */
export type TransferableSolveOptions = Omit<SolveOptions, 'travelMatrix' | 'onImprovement'>;

export type WorkerRequest = {
  problem: RoutingProblem;
  options: TransferableSolveOptions;
  /** Matrix computed by the caller's provider, in problemPoints order (ms). */
  matrixMs?: Float64Array;
  reportProgress: boolean;
};

export type WorkerReply = { type: 'progress'; event: SolveProgress } | { type: 'done'; plan: Plan } | { type: 'error'; message: string };
