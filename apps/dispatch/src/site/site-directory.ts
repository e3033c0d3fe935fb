import { fetchById, type SubgraphClient } from '@polyplus/subgraph-kit';

export type SiteLocation = { latitude: number | null; longitude: number | null; timeZone: string; countryCode: string; subdivision: string | null };

/** The site's location and calendar as customers knows them; cached on the visit at creation. */
export function fetchSiteLocation(customers: SubgraphClient, siteId: string): Promise<SiteLocation | null> {
  return fetchById<SiteLocation>(customers, 'site', siteId, 'latitude longitude timeZone countryCode subdivision');
}
