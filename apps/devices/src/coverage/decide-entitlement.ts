import { DateTime } from 'luxon';
import { coverageAt, isAdvanceReplacementEligible } from '@polyplus/business-calendar';
import { ProductType } from '../product/product-type';
import { ContractOption } from './contract-option';
import { PremiumFeature } from '@polyplus/subgraph-kit';
import type { ContractPeriod } from './coverage-directory';
import type { DeviceEntitlement } from './device-entitlement.type';

export type EntitlementFacts = {
  deviceId: string;
  at: Date;
  periods: readonly ContractPeriod[];
  /** The site's zone: contract days are the site's local days. */
  timeZone: string;
  productType: ProductType;
  /** Product is onsite-eligible and the rule table allows onsite at the site for its type. */
  onsiteAvailable: boolean;
};

const KNOWN_OPTIONS = new Set<string>(Object.values(ContractOption));
const KNOWN_FEATURES = new Set<string>(Object.values(PremiumFeature));

/** Coverage, options and advance replacement for one device at one instant (pure). */
export function decideEntitlement(facts: EntitlementFacts): DeviceEntitlement {
  const personalDevice = facts.productType === ProductType.PERSONAL;
  const input = { periods: facts.periods, at: facts.at, timeZone: facts.timeZone };
  const status = coverageAt(input);
  const day = DateTime.fromJSDate(facts.at, { zone: facts.timeZone }).toISODate() ?? '';
  // Several contracts may cover the day (a renewal signed early): the one running longest speaks.
  const [contract] = facts.periods.filter((p) => p.start <= day && day <= p.end).sort((a, b) => b.end.localeCompare(a.end));
  if (!status.covered || !contract) {
    return { deviceId: facts.deviceId, at: facts.at, covered: false, contractId: null, options: [], purchasedOptions: [], premiumFeatures: [], personalDevice, advanceReplacementAllowed: false, continuousCoverageSince: null, coveredUntil: null };
  }
  const purchasedOptions = contract.options.filter((option): option is ContractOption => KNOWN_OPTIONS.has(option));
  return {
    deviceId: facts.deviceId,
    at: facts.at,
    covered: true,
    contractId: contract.contractId,
    options: purchasedOptions.filter((option) => option !== ContractOption.ONSITE || facts.onsiteAvailable),
    purchasedOptions,
    premiumFeatures: (contract.premiumFeatures ?? []).filter((feature): feature is PremiumFeature => KNOWN_FEATURES.has(feature)),
    personalDevice,
    advanceReplacementAllowed: isAdvanceReplacementEligible({ ...input, personalDevice }),
    continuousCoverageSince: status.continuousSince ?? null,
    coveredUntil: contract.end,
  };
}
