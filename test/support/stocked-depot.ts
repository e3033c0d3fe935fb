import { graphqlData } from '@polyplus/local-stack';
import type { GatewayAs } from './e2e-stack';

/**
 * A Studio X50 camera module (`partNumber`) listed at £249.00 from 2026, and a London depot (LHR) serving GB with
 * `quantity` of it in stock: what ordering an advance replacement needs. Created as support staff; answers the depot's id.
 */
export async function stockCameraModule(staff: GatewayAs, partNumber: string, quantity: number): Promise<string> {
  const mutate = <T>(query: string, input: Record<string, unknown>) => graphqlData<T>(staff, query, { input });
  await mutate('mutation ($input: CreatePartInput!) { createPart(input: $input) { id } }', {
    partNumber,
    name: 'Studio X50 camera module',
    productModel: 'Studio X50',
  });
  await mutate('mutation ($input: CreatePriceBookInput!) { createPriceBook(input: $input) { id } }', {
    name: 'List 2026',
    currency: 'GBP',
    validFrom: '2026-01-01',
    prices: [{ partNumber, listPrice: '249.00' }],
  });
  const { createDepot } = await mutate<{ createDepot: { id: string } }>(
    'mutation ($input: CreateDepotInput!) { createDepot(input: $input) { id } }',
    { code: 'LHR', countryCode: 'GB', subdivision: 'ENG', timeZone: 'Europe/London', servesCountries: ['GB'] },
  );
  await mutate('mutation ($input: SetStockInput!) { setStock(input: $input) }', { depotId: createDepot.id, partNumber, quantity });
  return createDepot.id;
}
