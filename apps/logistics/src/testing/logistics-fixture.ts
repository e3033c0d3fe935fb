import { randomUUID } from 'node:crypto';
import { answer, fakeSubgraphClient } from '@polyplus/testing';
import { CatalogService } from '../catalog/catalog.service';
import {
  ADVANCE_REPLACEMENT_ENTITLEMENT,
  DestinationDirectory,
  DEVICE_SITE,
  INCIDENT_DEVICE,
  SITE_CALENDAR,
} from '../replacement-order/destination-directory';

export type FakeSite = { countryCode: string; subdivision?: string | null; timeZone: string };

/**
 * The three subgraphs logistics asks, faked as their GraphQL answers: every incident is on one
 * device at `site`, and the devices subgraph decides entitlement with `entitled(deviceId)`.
 */
export function fakeDirectory(site: FakeSite, entitled: (deviceId: string) => boolean = () => true) {
  const deviceId = randomUUID();
  const customerId = randomUUID();
  const siteId = randomUUID();
  const incidents = fakeSubgraphClient(
    answer(INCIDENT_DEVICE, () => ({ incident: { id: 'any', device: { id: deviceId }, customer: { id: customerId } } })),
  );
  const devices = fakeSubgraphClient(
    answer(ADVANCE_REPLACEMENT_ENTITLEMENT, () => ({
      deviceEntitlement: { covered: true, advanceReplacementAllowed: entitled(deviceId) },
    })),
    answer(DEVICE_SITE, () => ({ device: { id: deviceId, site: { id: siteId } } })),
  );
  const customers = fakeSubgraphClient(answer(SITE_CALENDAR, () => ({ site: { id: siteId, ...site } })));
  return { directory: new DestinationDirectory(incidents, devices, customers), deviceId };
}

/** A part with two successive price books, and depots with stock, as staff would set them up. */
export async function seedCatalog(catalog: CatalogService) {
  await catalog.createPart({ partNumber: '2215-61234', name: 'Studio X50 camera module', productModel: 'Studio X50' });
  await catalog.createPriceBook({
    name: '2025 list',
    currency: 'EUR',
    validFrom: '2025-01-01',
    validTo: '2026-03-31',
    prices: [{ partNumber: '2215-61234', listPrice: '240.00' }],
  });
  await catalog.createPriceBook({
    name: '2026 list',
    currency: 'EUR',
    validFrom: '2026-04-01',
    prices: [{ partNumber: '2215-61234', listPrice: '265.50' }],
  });
  const london = await catalog.createDepot({
    code: 'LHR',
    countryCode: 'GB',
    subdivision: 'ENG',
    timeZone: 'Europe/London',
    cutoff: '15:00',
    servesCountries: ['GB'],
  });
  const frankfurt = await catalog.createDepot({
    code: 'FRA',
    countryCode: 'DE',
    subdivision: 'HE',
    timeZone: 'Europe/Berlin',
    cutoff: '15:00',
    servesCountries: ['DE', 'CH'],
  });
  await catalog.setStock({ depotId: london.id, partNumber: '2215-61234', quantity: 100 });
  await catalog.setStock({ depotId: frankfurt.id, partNumber: '2215-61234', quantity: 100 });
  await catalog.setShippingTerms({ countryCode: 'CH', customsDelayBusinessDays: 2, customerIsImporterOfRecord: true });
  return { london, frankfurt };
}
