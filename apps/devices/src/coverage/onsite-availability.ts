import type { ProductType } from '../product/product-type';

export type OnsiteRule = { countryCode: string; subdivision: string; productType: ProductType; available: boolean };

export type Place = { countryCode: string; subdivision: string | null };

/** The most specific rule for the place and product type decides; without a rule onsite is not offered. */
export function isOnsiteAvailable(rules: readonly OnsiteRule[], place: Place, productType: ProductType): boolean {
  const forType = rules.filter((rule) => rule.productType === productType && rule.countryCode === place.countryCode);
  const regional = place.subdivision ? forType.find((rule) => rule.subdivision === place.subdivision) : undefined;
  return (regional ?? forType.find((rule) => rule.subdivision === ''))?.available ?? false;
}
