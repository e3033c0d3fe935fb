import { nextOpenDay } from './business-days';
import { parseClock } from './business-hours';
import type { BusinessCalendar } from './calendar';
import { calendarDay, isOpenDay, localEpochDay, wallClockInstant } from './calendar-days';
import { assertDuration } from './duration';
import { CalendarError } from './errors';
import { assertInstant, formatEpochDay, type IsoDate } from './iso-date';

/** Same-day processing deadline at the depot, depot local time (service description: "generally 3pm"). */
export const DEFAULT_DEPOT_CUTOFF = '15:00';

/** Input of {@link planAdvanceReplacement}. */
export type AdvanceReplacementInput = {
  /** When the replacement order reached the regional depot. */
  readonly orderReceivedAt: Date;
  readonly depot: BusinessCalendar;
  /** Same-day cut-off, `HH:mm` depot local time; defaults to {@link DEFAULT_DEPOT_CUTOFF}. */
  readonly depotCutoff?: string;
  /** The customer site's calendar (its country's holidays, its time zone). */
  readonly destination: BusinessCalendar;
  /** Extra destination business days for customs in the destination country; default 0. */
  readonly customsDelayBusinessDays?: number;
  /** Carrier's committed delivery time, `HH:mm` destination local time; default start of business. */
  readonly carrierDeliveryTime?: string;
};

/** When the part ships and arrives. */
export type AdvanceReplacementPlan = {
  /** Depot local date the part ships. */
  readonly shipDate: IsoDate;
  /** Destination local date the part is expected. */
  readonly deliveryDate: IsoDate;
  /** Expected arrival instant: the carrier time or start of business on `deliveryDate`. */
  readonly expectedDeliveryAt: Date;
};

/**
 * Next-business-day shipping: an order received before the cut-off on a depot business day ships
 * that day, otherwise on the next depot business day; it is delivered on the first destination
 * business day after the ship date, then `customsDelayBusinessDays` more destination business days.
 * Dates are compared as calendar dates, so a depot a few time zones away ships on its own date.
 * @throws CalendarError `INVALID_DATE`, `INVALID_TIME`, `NEGATIVE_DURATION`, `INVALID_DURATION`.
 */
export function planAdvanceReplacement(input: AdvanceReplacementInput): AdvanceReplacementPlan {
  const receivedAt = assertInstant(input.orderReceivedAt, 'orderReceivedAt');
  const cutoff = parseClock(input.depotCutoff ?? DEFAULT_DEPOT_CUTOFF, 'depot cut-off');
  const customsDays = input.customsDelayBusinessDays ?? 0;
  assertDuration(customsDays, 'customs delay (business days)');
  const carrierTime = input.carrierDeliveryTime === undefined ? undefined : parseClock(input.carrierDeliveryTime, 'carrier delivery time');

  const receivedDay = localEpochDay(input.depot, receivedAt);
  // Comparing instants (not wall-clock minutes) keeps the cut-off right on DST days.
  const beforeCutoff = receivedAt < wallClockInstant(input.depot, receivedDay, cutoff);
  const shipDay = isOpenDay(input.depot, receivedDay) && beforeCutoff ? receivedDay : nextOpenDay(input.depot, receivedDay);

  let deliveryDay = nextOpenDay(input.destination, shipDay);
  for (let day = 0; day < customsDays; day += 1) deliveryDay = nextOpenDay(input.destination, deliveryDay);

  return {
    shipDate: formatEpochDay(shipDay),
    deliveryDate: formatEpochDay(deliveryDay),
    expectedDeliveryAt: new Date(expectedArrival(input.destination, deliveryDay, carrierTime)),
  };
}

function expectedArrival(destination: BusinessCalendar, deliveryDay: number, carrierTime: number | undefined): number {
  if (carrierTime !== undefined) return wallClockInstant(destination, deliveryDay, carrierTime);
  const firstOpen = calendarDay(destination, deliveryDay).open[0];
  // nextOpenDay only returns open days, but one whose hours fall wholly in a DST gap has none.
  if (!firstOpen) throw new CalendarError('NO_BUSINESS_TIME', `${destination.id} has no business hours on ${formatEpochDay(deliveryDay)}`);
  return firstOpen[0];
}
