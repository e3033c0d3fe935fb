/** Where a service reads "now" for its business rules (due times, cut-offs, deadlines, audit instants). */
export type Clock = {
  /** The current business instant; synchronous, so any code path may ask. */
  now(): Date;
};

/** The machine's clock: what production always uses. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that always answers `at` (unit tests). */
export function fixedClock(at: Date): Clock {
  const ms = at.getTime();
  return { now: () => new Date(ms) };
}
