import { CalendarError } from './errors';

/** Incident severity: 1 = Critical, 2 = Major, 3 = Minor. A lower number is more severe. */
export type Severity = 1 | 2 | 3;

/** @throws CalendarError `INVALID_SEVERITY` unless `severity` is 1, 2 or 3. */
export function assertSeverity(severity: unknown): asserts severity is Severity {
  if (severity !== 1 && severity !== 2 && severity !== 3) {
    throw new CalendarError('INVALID_SEVERITY', `severity must be 1, 2 or 3, got ${String(severity)}`);
  }
}
