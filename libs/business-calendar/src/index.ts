export { CalendarError, type CalendarErrorCode } from './errors';
export type { IsoDate } from './iso-date';
export { DEFAULT_BUSINESS_HOURS, ROUND_THE_CLOCK_HOURS, type TimeRange, type WeeklyHours, type Weekday } from './business-hours';
export { createCalendar, type BusinessCalendar, type CalendarConfig } from './calendar';
export { placeCalendar, placeCalendars, type CalendarPlace, type PlaceCalendars } from './place-calendar';
export type { PublicHoliday } from './holidays';
export { HOUR_MS, MINUTE_MS } from './duration';
export { addBusinessDays, isBusinessDay, localDate, nextBusinessDay, publicHolidays, startOfBusiness } from './business-days';
export { addBusinessTime, businessTimeBetween, isWithinBusinessHours } from './business-time';
export type { Severity } from './severity';
export { RESPONSE_OBJECTIVE_MINUTES, responseDueAt, responseObjectiveMs, type ResponseObjectiveInput } from './response-objective';
export {
  DEFAULT_BUSINESS_DAY_MINUTES,
  DEFAULT_RESOLUTION_TARGET_MINUTES,
  resolutionTargetMs,
  resolutionTargets,
  type ResolutionTargets,
} from './resolution-target';
export { DEFAULT_ESCALATION_THRESHOLDS, type EscalationClock, type EscalationThresholdMinutes } from './escalation-thresholds';
export { PAUSE_REASONS, type ClockPause, type PauseReason, type PauseSpan } from './pause-history';
export { resolutionClockAt, type ClockState, type ResolutionClock, type ResolutionClockInput, type TargetChange } from './resolution-clock';
export {
  isSeverityUpgrade,
  resolutionTargetChanges,
  responseDueAfterSeverityChange,
  type ResponseSeverityChangeInput,
  type SeverityChange,
} from './severity-change';
export {
  DEFAULT_UPCOMING_CLOSURES,
  SHORT_WEEKDAY_NAMES,
  describeCalendar,
  type CalendarDescription,
  type DescribeCalendarOptions,
  type UpcomingClosure,
} from './calendar-description';
export {
  DEFAULT_DEPOT_CUTOFF,
  planAdvanceReplacement,
  type AdvanceReplacementInput,
  type AdvanceReplacementPlan,
} from './advance-replacement';
export { RETURN_WINDOW_BUSINESS_DAYS, isReturnLate, returnDeadline, type ReturnDeadline } from './return-deadline';
export {
  REPLACEMENT_WARRANTY_DAYS,
  isUnderWarranty,
  replacementWarranty,
  type ReplacementWarranty,
  type ReplacementWarrantyInput,
} from './warranty';
export {
  PERSONAL_DEVICE_COVERAGE_YEARS,
  coverageAt,
  isAdvanceReplacementEligible,
  type CoverageInput,
  type CoveragePeriod,
  type CoverageStatus,
} from './coverage';
