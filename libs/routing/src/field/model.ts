// Public field-service model. Every instant is epoch milliseconds (UTC); every duration is milliseconds.

/** A point on Earth in decimal degrees. */
export type GeoPoint = { lat: number; lon: number };

/** [start, end] in epoch ms. For a visit the whole service must fit inside; for a shift the whole day's route. */
export type TimeWindow = { start: number; end: number };

/** Fixes a visit to a technician and/or an exact start instant (epoch ms). */
export type Pin = { technicianId?: string; startAt?: number };

/** An onsite visit to plan. */
export type Visit = {
  id: string;
  location: GeoPoint;
  serviceMs: number;
  /** Site business hours (possibly several days); service must start and end inside one window. Empty or absent: any time in a shift. */
  windows?: TimeWindow[];
  /** Not before this instant: the replacement part's expected delivery. */
  releaseAt?: number;
  requiredSkills?: string[];
  /** 1 is the most severe; weights come from SolveOptions.severityWeights. */
  severity?: number;
  /** Response target: starting later than this costs severity weight × lateness. */
  targetAt?: number;
  /** Van space the visit's parts take (compared with Technician.capacity). */
  demand?: number;
  pin?: Pin;
};

/** A technician; each shift (one per working day) becomes one route. */
export type Technician = {
  id: string;
  start: GeoPoint;
  /** Where the day ends; defaults to start. */
  end?: GeoPoint;
  shifts: TimeWindow[];
  skills: string[];
  /** Travel + service per shift (waiting not counted). */
  maxWorkMs?: number;
  capacity?: number;
};

export type RoutingProblem = { visits: Visit[]; technicians: Technician[] };

/** Row-major n × n travel durations in milliseconds between the given points. */
export type TravelMatrixProvider = (points: readonly GeoPoint[]) => Float64Array;

export type PlannedStop = { visitId: string; arrivalAt: number; startAt: number; endAt: number; lateMs: number };

/** One technician shift: leaves at departAt, serves the stops in order, is back at returnAt. */
export type TechnicianRoute = {
  technicianId: string;
  shiftIndex: number;
  departAt: number;
  returnAt: number;
  travelMs: number;
  stops: PlannedStop[];
};

export type UnassignedReason =
  'PIN_CONFLICT' | 'NO_SKILLED_TECHNICIAN' | 'OVER_CAPACITY' | 'RELEASE_AFTER_HORIZON' | 'NO_FEASIBLE_SLOT' | 'NO_ROOM_IN_PLAN';

export type UnassignedVisit = { visitId: string; reason: UnassignedReason };

export type PlanObjective = {
  unassigned: number;
  /** Σ severity weight × lateness (ms). */
  weightedLatenessMs: number;
  techniciansUsed: number;
  travelMs: number;
  /** Visits on another technician shift than in SolveOptions.previousPlan. */
  movedVisits: number;
};

export type Plan = {
  routes: TechnicianRoute[];
  unassigned: UnassignedVisit[];
  objective: PlanObjective;
  iterations: number;
  elapsedMs: number;
};

/** A new best plan found after elapsedMs: left-out visits, travel and weighted lateness (ms). */
export type SolveProgress = { iteration: number; elapsedMs: number; unassigned: number; travelMs: number; weightedLatenessMs: number };

/** Options of solve(). Defaults: 1 s, seed 1, great-circle travel at 40 km/h × 1.3. */
export type SolveOptions = {
  seed?: number;
  /** Wall-clock limit for the whole call, travel matrix included (default 1000). */
  timeLimitMs?: number;
  /** Iteration limit; with it a seed reproduces the plan (unless the time limit stops it first). */
  maxIterations?: number;
  travelMatrix?: TravelMatrixProvider;
  /** Add a cost per technician shift used (third level of the objective). */
  minimiseTechnicians?: boolean;
  /** Plan to start from; visits it moves to another technician shift cost movePenaltyMs each. */
  previousPlan?: Plan;
  /**
   * Cost of moving one visit to another technician shift than in previousPlan, as weighted lateness
   * (default 15 min): a move must save at least that much weighted lateness, or 100× as much travel.
   */
  movePenaltyMs?: number;
  /** Lateness weight per severity (default {1: 8, 2: 4, 3: 2, 4: 1}, others 1). */
  severityWeights?: Record<number, number>;
  /** Called on every new best plan (also from a worker thread). */
  onImprovement?: (event: SolveProgress) => void;
};
