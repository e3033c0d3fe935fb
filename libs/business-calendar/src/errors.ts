/** Machine-readable reason a calendar computation refused its input. */
export type CalendarErrorCode =
  | 'UNKNOWN_TIME_ZONE'
  | 'UNKNOWN_COUNTRY'
  | 'UNKNOWN_SUBDIVISION'
  | 'INVALID_DATE'
  | 'INVALID_TIME'
  | 'INVALID_HOURS'
  | 'INVALID_DURATION'
  | 'NEGATIVE_DURATION'
  | 'INVALID_SEVERITY'
  | 'INVALID_TARGET'
  | 'INVALID_PAUSE'
  | 'INVALID_PERIOD'
  | 'INVALID_CALENDAR'
  | 'NO_BUSINESS_TIME';

/**
 * The only error the library throws on bad input: a stable `code` for callers to map
 * (e.g. to a GraphQL error code) and a message that names the offending value.
 */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';

  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message);
  }
}
