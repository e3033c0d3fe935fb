import { planAdvanceReplacement, type AdvanceReplacementPlan } from '@polyplus/business-calendar';
import { depotCalendar, destinationCalendar } from './depot-calendars';
import type { Depot } from './depot.entity';
import type { ShippingTerms } from './shipping-terms.entity';

export type ReplacementDestination = { countryCode: string; timeZone: string };

/**
 * When a replacement leaving `depot` for a destination ships and arrives, for an order the depot
 * receives at `receivedAt`: the one rule behind both a real order and the published terms, so the
 * two can never disagree.
 */
export function planReplacementFrom(depot: Depot, destination: ReplacementDestination, terms: ShippingTerms | null, receivedAt: Date): AdvanceReplacementPlan {
  return planAdvanceReplacement({
    orderReceivedAt: receivedAt,
    depot: depotCalendar(depot),
    depotCutoff: depot.cutoff,
    destination: destinationCalendar(destination.countryCode, destination.timeZone),
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
