import { nextOpenDay } from './business-days';
import type { BusinessCalendar } from './calendar';
import { calendarDay, localEpochDay } from './calendar-days';
import { assertInstant, formatEpochDay, type IsoDate } from './iso-date';

/** Business days the customer has to return the defective part (service description). */
export const RETURN_WINDOW_BUSINESS_DAYS = 10;

/** The return deadline of a defective part. */
export type ReturnDeadline = {
  /** Last local date (destination calendar) on which the return is on time. */
  readonly dueDate: IsoDate;
  /** First instant at which the return is late: local midnight after `dueDate`. */
  readonly lateFrom: Date;
};

/**
 * Ten business days of the destination calendar after the replacement's delivery. The whole
 * last day counts (a receipt that evening is on time), as "within ten business days" reads.
 * @throws CalendarError `INVALID_DATE`.
 */
export function returnDeadline(destination: BusinessCalendar, deliveredAt: Date): ReturnDeadline {
  let day = localEpochDay(destination, assertInstant(deliveredAt, 'deliveredAt'));
  for (let counted = 0; counted < RETURN_WINDOW_BUSINESS_DAYS; counted += 1) day = nextOpenDay(destination, day);
  return { dueDate: formatEpochDay(day), lateFrom: new Date(calendarDay(destination, day + 1).start) };
}

/**
 * True when a return received at `receivedAt` misses the deadline of a delivery at `deliveredAt`.
 * @throws CalendarError `INVALID_DATE`.
 */
export function isReturnLate(destination: BusinessCalendar, deliveredAt: Date, receivedAt: Date): boolean {
  const received = assertInstant(receivedAt, 'receivedAt');
  return received >= returnDeadline(destination, deliveredAt).lateFrom.getTime();
}
