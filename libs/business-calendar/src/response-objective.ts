import { addBusinessTime } from './business-time';
import type { BusinessCalendar } from './calendar';
import { MINUTE_MS } from './duration';
import { assertSeverity, type Severity } from './severity';

export type { Severity } from './severity';

/** Response objective per severity in minutes of business time (service description table). */
export const RESPONSE_OBJECTIVE_MINUTES: Readonly<Record<Severity, number>> = Object.freeze({ 1: 30, 2: 60, 3: 120 });

/** The response objective of a severity in milliseconds of business time. */
export function responseObjectiveMs(severity: Severity): number {
  assertSeverity(severity);
  return RESPONSE_OBJECTIVE_MINUTES[severity] * MINUTE_MS;
}

/** Input of {@link responseDueAt}. */
export type ResponseObjectiveInput = {
  /** When the customer reported the problem. */
  readonly reportedAt: Date;
  readonly severity: Severity;
  /** The customer site's calendar. */
  readonly calendar: BusinessCalendar;
};

/**
 * The instant a support engineer must be in contact: `reportedAt` plus the severity's objective
 * counted in business time only. Severity 2 at 17:00 on a business day → 08:30 the next business day.
 * @throws CalendarError `INVALID_SEVERITY`, `INVALID_DATE`.
 */
export function responseDueAt(input: ResponseObjectiveInput): Date {
  return addBusinessTime(input.calendar, input.reportedAt, responseObjectiveMs(input.severity));
}
