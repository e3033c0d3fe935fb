import { placeCalendar, planAdvanceReplacement, type AdvanceReplacementPlan, type BusinessCalendar } from '@polyplus/business-calendar';
import type { Depot } from './depot.entity';
import type { ShippingTerms } from './shipping-terms.entity';

/** Where a replacement goes; without a subdivision (orders placed before it was kept) the country's holidays alone count. */
export type ReplacementDestination = { countryCode: string; subdivision?: string | null; timeZone: string };

type OrderDestination = { destinationCountry: string | null; destinationSubdivision: string | null; destinationTimeZone: string | null };

/** The calendar of an order's destination: its delivery date and its defective part's return deadline. */
export function destinationCalendarOf(order: OrderDestination): BusinessCalendar {
  return placeCalendar({
    countryCode: order.destinationCountry as string,
    subdivision: order.destinationSubdivision,
    timeZone: order.destinationTimeZone as string,
  });
}

/**
 * When a replacement leaving `depot` for a destination ships and arrives, for an order the depot
 * receives at `receivedAt`: the one rule behind both a real order and the published terms, so the
 * two can never disagree.
 */
export function planReplacementFrom(
  depot: Depot,
  destination: ReplacementDestination,
  terms: ShippingTerms | null,
  receivedAt: Date,
): AdvanceReplacementPlan {
  return planAdvanceReplacement({
    orderReceivedAt: receivedAt,
    depot: placeCalendar(depot),
    depotCutoff: depot.cutoff,
    destination: placeCalendar(destination),
    customsDelayBusinessDays: customsDelayOf(terms),
  });
}

/** Business days customs add in the destination country; none unless its terms say so. */
export function customsDelayOf(terms: ShippingTerms | null): number {
  return terms?.customsDelayBusinessDays ?? 0;
}

/** Whether the customer must act as importer of record in the destination country. */
export function customerIsImporterOfRecord(terms: ShippingTerms | null): boolean {
  return terms?.customerIsImporterOfRecord ?? false;
}
