/** How a stack's clock relates to the machine's: `SYSTEM` (none), `OFFSET` (shifted), `FROZEN` (stopped at an instant). */
export type TestClockMode = 'SYSTEM' | 'OFFSET' | 'FROZEN';

/** A stack's test clock as stored in Redis and cached by every process of the stack. */
export type TestClockState = {
  readonly mode: TestClockMode;
  /** `OFFSET`: milliseconds added to system time (negative moves the clock back). */
  readonly offsetMs: number;
  /** `FROZEN`: the instant the clock answers, in epoch milliseconds. */
  readonly frozenAt: number | null;
  /** Increases with every change of the stack's clock. */
  readonly version: number;
  /** Who changed it last (`<ROLE>:<subject>`), and when in real time (ISO). */
  readonly setBy: string | null;
  readonly setAt: string | null;
};

/** What a caller asks for: exactly one of a frozen instant or an offset from system time. */
export type TestClockChange = { readonly frozenAt?: Date | null; readonly offsetMinutes?: number | null };

export const SYSTEM_TIME: TestClockState = Object.freeze({
  mode: 'SYSTEM',
  offsetMs: 0,
  frozenAt: null,
  version: 0,
  setBy: null,
  setAt: null,
});

/** An offset keeps "now" well inside the years the product accepts (1970–2999): ±100 years. */
export const MAX_OFFSET_MINUTES = 100 * 366 * 24 * 60;
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(3000, 0, 1) - 1;

/** Why a change is refused; `field` names the input field at fault. */
export class TestClockError extends Error {
  constructor(
    readonly code: 'INVALID_CHANGE' | 'DISABLED' | 'NOT_STARTED',
    message: string,
    readonly field?: 'frozenAt' | 'offsetMinutes',
  ) {
    super(message);
    this.name = 'TestClockError';
  }
}

/** The instant a state answers when the machine's clock reads `systemMs`. */
export function clockNow(state: TestClockState, systemMs: number): Date {
  if (state.mode === 'FROZEN' && state.frozenAt !== null) return new Date(state.frozenAt);
  if (state.mode === 'OFFSET') return new Date(systemMs + state.offsetMs);
  return new Date(systemMs);
}

/**
 * The state a change asks for: exactly one of `frozenAt` (an instant in 1970–2999) or
 * `offsetMinutes` (whole minutes within ±{@link MAX_OFFSET_MINUTES}).
 * @throws TestClockError `INVALID_CHANGE` naming the field.
 */
export function stateFor(change: TestClockChange, meta: { version: number; setBy: string; setAt: Date }): TestClockState {
  const frozen = change.frozenAt ?? null;
  const offset = change.offsetMinutes ?? null;
  if ((frozen === null) === (offset === null)) {
    throw new TestClockError(
      'INVALID_CHANGE',
      'Give exactly one of frozenAt or offsetMinutes (resetTestClock returns to system time)',
      frozen === null ? 'frozenAt' : 'offsetMinutes',
    );
  }
  const base = { version: meta.version, setBy: meta.setBy, setAt: meta.setAt.toISOString() };
  if (frozen !== null) {
    const ms = frozen instanceof Date ? frozen.getTime() : Number.NaN;
    if (!Number.isFinite(ms) || ms < EARLIEST || ms > LATEST)
      throw new TestClockError('INVALID_CHANGE', 'frozenAt must be an instant in the years 1970–2999', 'frozenAt');
    return { mode: 'FROZEN', offsetMs: 0, frozenAt: ms, ...base };
  }
  if (!Number.isInteger(offset) || Math.abs(offset as number) > MAX_OFFSET_MINUTES) {
    throw new TestClockError(
      'INVALID_CHANGE',
      `offsetMinutes must be a whole number of minutes within ±${MAX_OFFSET_MINUTES}`,
      'offsetMinutes',
    );
  }
  return { mode: 'OFFSET', offsetMs: (offset as number) * 60_000, frozenAt: null, ...base };
}

/** Reads a stored state; anything unreadable is system time (a bad key must not stop a service). */
export function parseState(raw: string | null): TestClockState {
  if (!raw) return SYSTEM_TIME;
  try {
    const value = JSON.parse(raw) as Partial<TestClockState>;
    const version = Number.isInteger(value.version) ? (value.version as number) : 0;
    const meta = {
      version,
      setBy: typeof value.setBy === 'string' ? value.setBy : null,
      setAt: typeof value.setAt === 'string' ? value.setAt : null,
    };
    if (value.mode === 'FROZEN' && Number.isFinite(value.frozenAt))
      return { mode: 'FROZEN', offsetMs: 0, frozenAt: value.frozenAt as number, ...meta };
    if (value.mode === 'OFFSET' && Number.isFinite(value.offsetMs))
      return { mode: 'OFFSET', offsetMs: value.offsetMs as number, frozenAt: null, ...meta };
    return { ...SYSTEM_TIME, ...meta, mode: 'SYSTEM' };
  } catch {
    return SYSTEM_TIME;
  }
}

export function sameState(a: TestClockState, b: TestClockState): boolean {
  return a.mode === b.mode && a.offsetMs === b.offsetMs && a.frozenAt === b.frozenAt && a.version === b.version;
}
