import { formatEpochDay, parseIsoDate, type IsoDate } from './iso-date';

/** Warranty of a replacement part, in days from shipment (service description). */
export const REPLACEMENT_WARRANTY_DAYS = 90;

/** Input of {@link replacementWarranty}. */
export type ReplacementWarrantyInput = {
  /** Depot local date the replacement shipped. */
  readonly shipDate: IsoDate;
  /** Last day of warranty of the part being replaced, if it had one. */
  readonly replacedPartWarrantyEnd?: IsoDate;
};

/** The warranty a replacement part carries. */
export type ReplacementWarranty = {
  /** Last day covered, inclusive. */
  readonly warrantyEnd: IsoDate;
  /** True when the replaced part's longer remaining warranty was kept instead of the 90 days. */
  readonly inherited: boolean;
};

/**
 * 90 days from shipment (the ship date plus 90 days is the last day covered), or the replaced
 * part's own warranty end when that is later, so a replacement never shortens the customer's cover.
 * @throws CalendarError `INVALID_DATE`.
 */
export function replacementWarranty(input: ReplacementWarrantyInput): ReplacementWarranty {
  const ownEnd = parseIsoDate(input.shipDate, 'shipDate') + REPLACEMENT_WARRANTY_DAYS;
  if (input.replacedPartWarrantyEnd !== undefined) {
    const inheritedEnd = parseIsoDate(input.replacedPartWarrantyEnd, 'replacedPartWarrantyEnd');
    if (inheritedEnd > ownEnd) return { warrantyEnd: formatEpochDay(inheritedEnd), inherited: true };
  }
  return { warrantyEnd: formatEpochDay(ownEnd), inherited: false };
}

/** True when `date` is on or before the warranty's last day. */
export function isUnderWarranty(warrantyEnd: IsoDate, date: IsoDate): boolean {
  return parseIsoDate(date, 'date') <= parseIsoDate(warrantyEnd, 'warrantyEnd');
}
