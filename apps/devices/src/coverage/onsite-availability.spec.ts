import { isOnsiteAvailable, type OnsiteRule } from './onsite-availability';
import { ProductType } from '../product/product-type';

const rules: OnsiteRule[] = [
  { countryCode: 'US', subdivision: '', productType: ProductType.ROOM, available: true },
  { countryCode: 'US', subdivision: 'AK', productType: ProductType.ROOM, available: false },
  { countryCode: 'CH', subdivision: 'GE', productType: ProductType.ROOM, available: true },
];

describe('onsite availability rule table', () => {
  it('a country-wide rule applies to every subdivision without its own rule', () => {
    expect(isOnsiteAvailable(rules, { countryCode: 'US', subdivision: 'TX' }, ProductType.ROOM)).toBe(true);
    expect(isOnsiteAvailable(rules, { countryCode: 'US', subdivision: null }, ProductType.ROOM)).toBe(true);
  });

  it('a subdivision rule overrides the country rule', () => {
    expect(isOnsiteAvailable(rules, { countryCode: 'US', subdivision: 'AK' }, ProductType.ROOM)).toBe(false);
    expect(isOnsiteAvailable(rules, { countryCode: 'CH', subdivision: 'GE' }, ProductType.ROOM)).toBe(true);
  });

  it('no rule for the place or the product type means onsite is not offered', () => {
    expect(isOnsiteAvailable(rules, { countryCode: 'CH', subdivision: 'ZH' }, ProductType.ROOM)).toBe(false);
    expect(isOnsiteAvailable(rules, { countryCode: 'US', subdivision: 'TX' }, ProductType.PERSONAL)).toBe(false);
  });
});
