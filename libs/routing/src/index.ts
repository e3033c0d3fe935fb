export { createCoreProblem } from './core/core-problem';
export type { CoreProblem, CoreProblemInit } from './core/core-problem';
export { solveCore } from './core/solver';
export type { CoreProgress, CoreSolution, CoreSolveOptions } from './core/solver';
export { readSolomon } from './solomon/solomon-reader';
export type { SolomonInstance } from './solomon/solomon-reader';
export { solomonToCore } from './solomon/solomon-to-core';
export { checkSolomonPlan } from './solomon/solomon-checker';
export type { SolomonCheck } from './solomon/solomon-checker';
export { solveSolomon } from './solomon/solve-solomon';
export type { SolomonPlan } from './solomon/solve-solomon';
export { solve } from './field/solve';
export { checkPlan } from './field/plan-checker';
export type { PlanCheck } from './field/plan-checker';
export { greatCircleKm, greatCircleMatrix, greatCircleTravelMs, type GreatCircleOptions } from './field/travel-matrix';
export type {
  GeoPoint,
  Pin,
  Plan,
  PlanObjective,
  PlannedStop,
  RoutingProblem,
  SolveOptions,
  SolveProgress,
  Technician,
  TechnicianRoute,
  TimeWindow,
  TravelMatrixProvider,
  UnassignedReason,
  UnassignedVisit,
  Visit,
} from './field/model';
export { generateFieldProblem } from './testing/field-day-generator';
export type { FieldProblemSpec } from './testing/field-day-generator';
export { solveInWorker } from './worker/solve-in-worker';
