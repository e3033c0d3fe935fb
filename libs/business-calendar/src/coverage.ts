import { DateTime } from 'luxon';
import { assertTimeZone } from './calendar';
import { CalendarError } from './errors';
import { assertInstant, formatEpochDay, parseIsoDate, type IsoDate } from './iso-date';

/** Personal devices: advance replacement only within this many years of continuous coverage. */
export const PERSONAL_DEVICE_COVERAGE_YEARS = 3;

/** A contract's coverage of a device, both dates inclusive (local dates). */
export type CoveragePeriod = { readonly start: IsoDate; readonly end: IsoDate };

/** Input of {@link coverageAt} and {@link isAdvanceReplacementEligible}. */
export type CoverageInput = {
  readonly periods: readonly CoveragePeriod[];
  readonly at: Date;
  /** Zone that turns `at` into a date; default `UTC`. Use the site's zone. */
  readonly timeZone?: string;
};

/** A device's coverage on the date of an instant. */
export type CoverageStatus = {
  /** Some period covers the date. */
  readonly covered: boolean;
  /** First day of the unbroken run of cover that includes the date. */
  readonly continuousSince?: IsoDate;
  /** Days in that run up to and including the date (0 when not covered). */
  readonly continuousDays: number;
  /** The run started with the device's first ever period: no gap since cover began. */
  readonly continuousSinceFirstCoverage: boolean;
};

/**
 * Whether a device is covered at `at` and for how long without a break. Overlapping and
 * back-to-back periods (one ends the day before the next starts) are continuous; one uncovered day breaks it.
 * @throws CalendarError `INVALID_DATE`, `INVALID_PERIOD`, `UNKNOWN_TIME_ZONE`.
 */
export function coverageAt(input: CoverageInput): CoverageStatus {
  const day = dayOf(input.at, input.timeZone ?? 'UTC');
  const runs = mergeRuns(input.periods);
  const index = runs.findIndex(([start, end]) => start <= day && day <= end);
  if (index < 0) return { covered: false, continuousDays: 0, continuousSinceFirstCoverage: false };
  const [start] = runs[index];
  return {
    covered: true,
    continuousSince: formatEpochDay(start),
    continuousDays: day - start + 1,
    continuousSinceFirstCoverage: index === 0,
  };
}

/**
 * Advance replacement entitlement from coverage: any covered device is eligible, a personal device
 * only while its cover has been continuous since it began and for less than three years.
 */
export function isAdvanceReplacementEligible(input: CoverageInput & { readonly personalDevice: boolean }): boolean {
  const status = coverageAt(input);
  if (!status.covered || !input.personalDevice) return status.covered;
  if (!status.continuousSinceFirstCoverage || status.continuousSince === undefined) return false;
  const limit = DateTime.fromISO(status.continuousSince, { zone: 'utc' }).plus({ years: PERSONAL_DEVICE_COVERAGE_YEARS }).toISODate();
  return dayOf(input.at, input.timeZone ?? 'UTC') < parseIsoDate(limit ?? '', 'coverage limit');
}

function dayOf(at: Date, timeZone: string): number {
  assertTimeZone(timeZone);
  const local = DateTime.fromMillis(assertInstant(at, 'at'), { zone: timeZone }).toISODate();
  return parseIsoDate(local ?? '', 'at');
}

// Sorted, merged [start, end] epoch-day runs; a run absorbs a period starting the day after it ends.
function mergeRuns(periods: readonly CoveragePeriod[]): [number, number][] {
  if (!Array.isArray(periods)) throw new CalendarError('INVALID_PERIOD', 'coverage periods must be a list');
  const parsed = periods
    .map((period, index): [number, number] => {
      const start = parseIsoDate(period?.start, `coverage period ${index} start`);
      const end = parseIsoDate(period?.end, `coverage period ${index} end`);
      if (end < start)
        throw new CalendarError('INVALID_PERIOD', `coverage period ${index} ends (${period.end}) before it starts (${period.start})`);
      return [start, end];
    })
    .sort((a, b) => a[0] - b[0]);
  const runs: [number, number][] = [];
  for (const [start, end] of parsed) {
    const last = runs[runs.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else runs.push([start, end]);
  }
  return runs;
}
