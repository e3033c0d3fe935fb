import { graphqlData, type GraphQLTarget } from '@polyplus/local-stack';

/** Parts for every demo product, a price book, regional depots with stock, and shipping terms. */
export const DEMO_PARTS = [
  { partNumber: '2215-60001', name: 'Studio X50 camera module', productModel: 'Studio X50', listPrice: '289.00' },
  { partNumber: '2215-60002', name: 'G7500 codec board', productModel: 'G7500', listPrice: '1450.00' },
  { partNumber: '2215-60003', name: 'CCX 600 handset', productModel: 'CCX 600', listPrice: '79.00' },
  { partNumber: '2215-60004', name: 'Voyager Focus 2 earpiece', productModel: 'Voyager Focus 2', listPrice: '119.00' },
  { partNumber: '2215-60005', name: 'Sync 60 speaker module', productModel: 'Sync 60', listPrice: '99.00' },
];

const DEMO_DEPOTS = [
  { code: 'LHR', countryCode: 'GB', subdivision: 'ENG', timeZone: 'Europe/London', servesCountries: ['GB', 'IE'] },
  { code: 'FRA', countryCode: 'DE', subdivision: 'HE', timeZone: 'Europe/Berlin', servesCountries: ['DE', 'CH', 'FR'] },
  { code: 'DFW', countryCode: 'US', subdivision: 'TX', timeZone: 'America/Chicago', servesCountries: ['US', 'CA'] },
];

/** Location-specific terms the published replacement terms show. */
const DEMO_SHIPPING_TERMS = [
  {
    countryCode: 'CH',
    customsDelayBusinessDays: 2,
    customerIsImporterOfRecord: true,
    notes: 'Deliveries to Liechtenstein are cleared through Swiss customs in Buchs SG.',
  },
  {
    countryCode: 'GB',
    customsDelayBusinessDays: 0,
    customerIsImporterOfRecord: false,
    notes: 'Scottish Highlands and islands, Isle of Man and Channel Islands: one more business day.',
  },
  {
    countryCode: 'CA',
    customsDelayBusinessDays: 1,
    customerIsImporterOfRecord: false,
    notes: 'Shipped from Dallas; duties are paid by Poly.',
  },
  {
    countryCode: 'US',
    customsDelayBusinessDays: 0,
    customerIsImporterOfRecord: false,
    notes: 'Alaska and Hawaii: two more business days.',
  },
];

export async function seedLogistics(gateway: GraphQLTarget): Promise<void> {
  for (const { listPrice: _listPrice, ...part } of DEMO_PARTS) {
    await graphqlData(gateway, 'mutation ($input: CreatePartInput!) { createPart(input: $input) { id } }', { input: part });
  }
  await graphqlData(gateway, 'mutation ($input: CreatePriceBookInput!) { createPriceBook(input: $input) { id } }', {
    input: {
      name: 'Global list 2026',
      currency: 'USD',
      validFrom: '2026-01-01',
      prices: DEMO_PARTS.map(({ partNumber, listPrice }) => ({ partNumber, listPrice })),
    },
  });
  for (const depot of DEMO_DEPOTS) {
    const { createDepot } = await graphqlData<{ createDepot: { id: string } }>(
      gateway,
      'mutation ($input: CreateDepotInput!) { createDepot(input: $input) { id } }',
      { input: { ...depot, cutoff: '15:00' } },
    );
    for (const { partNumber } of DEMO_PARTS) {
      await graphqlData(gateway, 'mutation ($input: SetStockInput!) { setStock(input: $input) }', {
        input: { depotId: createDepot.id, partNumber, quantity: 25 },
      });
    }
  }
  for (const input of DEMO_SHIPPING_TERMS) {
    await graphqlData(gateway, 'mutation ($input: SetShippingTermsInput!) { setShippingTerms(input: $input) { countryCode } }', { input });
  }
}
