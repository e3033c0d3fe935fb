import fc from 'fast-check';
import { addBusinessTime, isWithinBusinessHours } from './business-time';
import type { BusinessCalendar } from './calendar';
import { MINUTE_MS } from './duration';
import { PAUSE_REASONS, type ClockPause } from './pause-history';
import { resolutionClockAt, type ResolutionClockInput, type TargetChange } from './resolution-clock';
import { LONDON, MUNICH, NEW_YORK, ROUND_THE_CLOCK_BERLIN, SPLIT_SHIFT_PARIS, SYDNEY } from './test-calendars';

// Everything sits on a 15-minute grid. The test calendars open and close on that grid in zones
// with whole-hour offsets, so each slot is wholly business time or wholly not: counting slots
// gives an exact, independent measure of business time.
const SLOT_MS = 15 * MINUTE_MS;
const GRID_ORIGIN = Date.UTC(2023, 0, 2);
const YEARS_OF_SLOTS = 3 * 365 * 96;
const MAX_SPAN_SLOTS = 6 * 96;
const RUNS = { numRuns: 150 };

type Scenario = {
  readonly calendar: BusinessCalendar;
  readonly startedAt: Date;
  readonly spanSlots: number;
  readonly targetMs: number;
  readonly pauses: ClockPause[];
  readonly targetChanges: TargetChange[];
};

const calendars = fc.constantFrom(NEW_YORK, LONDON, MUNICH, SYDNEY, SPLIT_SHIFT_PARIS, ROUND_THE_CLOCK_BERLIN);
const scenarios: fc.Arbitrary<Scenario> = fc
  .record({
    calendar: calendars,
    startSlot: fc.integer({ min: 0, max: YEARS_OF_SLOTS }),
    spanSlots: fc.integer({ min: 0, max: MAX_SPAN_SLOTS }),
    targetSlots: fc.integer({ min: 1, max: 4 * 40 }),
    pauses: fc.array(
      fc.record({
        offset: fc.integer({ min: -8, max: MAX_SPAN_SLOTS + 8 }),
        length: fc.option(fc.integer({ min: 0, max: 200 }), { freq: 4 }),
        reason: fc.constantFrom(...PAUSE_REASONS),
      }),
      { maxLength: 5 },
    ),
    changes: fc.array(
      fc.record({ offset: fc.integer({ min: 0, max: MAX_SPAN_SLOTS }), targetSlots: fc.integer({ min: 1, max: 4 * 40 }) }),
      { maxLength: 3 },
    ),
  })
  .map(({ calendar, startSlot, spanSlots, targetSlots, pauses, changes }) => {
    const start = GRID_ORIGIN + startSlot * SLOT_MS;
    return {
      calendar,
      startedAt: new Date(start),
      spanSlots,
      targetMs: targetSlots * SLOT_MS,
      pauses: pauses.map(({ offset, length, reason }) => ({
        start: new Date(start + offset * SLOT_MS),
        end: length === null ? undefined : new Date(start + (offset + length) * SLOT_MS),
        reason,
      })),
      targetChanges: changes.map(({ offset, targetSlots: slots }) => ({
        at: new Date(start + offset * SLOT_MS),
        targetMs: slots * SLOT_MS,
      })),
    };
  });

const nowOf = (scenario: Scenario, slots = scenario.spanSlots) => new Date(scenario.startedAt.getTime() + slots * SLOT_MS);
const evaluate = (scenario: Scenario, overrides: Partial<ResolutionClockInput> = {}) =>
  resolutionClockAt({ ...scenario, now: nowOf(scenario), ...overrides });

/** Business time in [startedAt, now) that no pause covers, slot by slot. */
function openBusinessTime(scenario: Scenario): number {
  let total = 0;
  for (let slot = 0; slot < scenario.spanSlots; slot += 1) {
    const instant = scenario.startedAt.getTime() + slot * SLOT_MS;
    const paused = scenario.pauses.some((pause) => pause.start.getTime() <= instant && (!pause.end || instant < pause.end.getTime()));
    if (!paused && isWithinBusinessHours(scenario.calendar, new Date(instant))) total += SLOT_MS;
  }
  return total;
}

describe('resolution clock properties', () => {
  it('pausing never reduces elapsed time below the unpaused business time of the open intervals (it is exactly that)', () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const { elapsedMs } = evaluate(scenario);
        const open = openBusinessTime(scenario);
        expect(elapsedMs).toBeGreaterThanOrEqual(open);
        expect(elapsedMs).toBe(open);
      }),
      RUNS,
    );
  });

  it('elapsed + remaining = target while neither breached nor met', () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const clock = evaluate(scenario);
        fc.pre(clock.state === 'ON_TRACK' || clock.state === 'PAUSED');
        expect(clock.elapsedMs + clock.remainingMs).toBe(clock.targetMs);
      }),
      RUNS,
    );
  });

  it('elapsed is monotone in now', () => {
    fc.assert(
      fc.property(scenarios, fc.integer({ min: 0, max: MAX_SPAN_SLOTS }), (scenario, otherSlots) => {
        const [earlier, later] = [Math.min(scenario.spanSlots, otherSlots), Math.max(scenario.spanSlots, otherSlots)];
        expect(evaluate(scenario, { now: nowOf(scenario, earlier) }).elapsedMs).toBeLessThanOrEqual(
          evaluate(scenario, { now: nowOf(scenario, later) }).elapsedMs,
        );
      }),
      RUNS,
    );
  });

  it('adding a pause never increases elapsed', () => {
    const extraPause = fc.record({
      offset: fc.integer({ min: 0, max: MAX_SPAN_SLOTS }),
      length: fc.option(fc.integer({ min: 0, max: 200 })),
    });
    fc.assert(
      fc.property(scenarios, extraPause, (scenario, { offset, length }) => {
        const start = scenario.startedAt.getTime() + offset * SLOT_MS;
        const pause: ClockPause = {
          start: new Date(start),
          end: length === null ? undefined : new Date(start + length * SLOT_MS),
          reason: 'WAITING_ON_PARTNER',
        };
        expect(evaluate(scenario, { pauses: [...scenario.pauses, pause] }).elapsedMs).toBeLessThanOrEqual(evaluate(scenario).elapsedMs);
      }),
      RUNS,
    );
  });

  it('a target change never makes the case due later: the objective never rises', () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const withChanges = evaluate(scenario);
        expect(withChanges.targetMs).toBeLessThanOrEqual(evaluate(scenario, { targetChanges: [] }).targetMs);
      }),
      RUNS,
    );
  });

  it('without pauses or changes a running clock is due when the target of business time has run from the start', () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const clock = evaluate(scenario, { pauses: [], targetChanges: [] });
        fc.pre(clock.state === 'ON_TRACK' || clock.state === 'BREACHED');
        expect(clock.dueAt).toEqual(addBusinessTime(scenario.calendar, scenario.startedAt, scenario.targetMs));
      }),
      RUNS,
    );
  });
});
