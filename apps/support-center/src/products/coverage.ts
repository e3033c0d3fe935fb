import type { Entitlement } from './product-documents';
import { words } from '../ui/words';

/** The device's cover in one line: until when and under which contract. */
export function coverageText(entitlement: Entitlement, contractReference: (id: string) => string | undefined): string {
  if (!entitlement.covered) return 'Not covered';
  const reference = entitlement.contractId ? contractReference(entitlement.contractId) : undefined;
  return `Covered until ${entitlement.coveredUntil ?? '—'}${reference ? ` (${reference})` : ''}`;
}

/** Options in effect, and options bought that this site or product cannot get. */
export function optionsText(entitlement: Entitlement): string {
  const inEffect = entitlement.options.map(words);
  const notHere = entitlement.purchasedOptions
    .filter((option) => !entitlement.options.includes(option))
    .map((option) => `${words(option)} bought, not available for this product at this site`);
  const all = [...inEffect, ...notHere];
  return all.length > 0 ? all.join('; ') : 'None';
}

/** Whether a failed part is replaced in advance, and why not. */
export function advanceReplacementText(entitlement: Entitlement): string {
  if (entitlement.advanceReplacementAllowed) {
    return entitlement.personalDevice && entitlement.continuousCoverageSince
      ? `Allowed (personal device, continuous cover since ${entitlement.continuousCoverageSince})`
      : 'Allowed, next business day';
  }
  if (!entitlement.covered) return 'Not allowed: not covered';
  if (entitlement.personalDevice) return 'Not allowed: personal devices only within 3 years of continuous cover';
  return 'Not allowed';
}
