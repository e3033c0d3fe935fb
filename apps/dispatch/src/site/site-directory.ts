import { sendDocument, serviceDocument, type SubgraphClient } from '@polyplus/subgraph-kit';

export type SiteLocation = {
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  countryCode: string;
  subdivision: string | null;
};

export const SITE_LOCATION = serviceDocument<{ site: SiteLocation | null }, { id: string }>(
  'customers',
  'query SiteLocation($id: ID!) { site(id: $id) { latitude longitude timeZone countryCode subdivision } }',
);

/** The site's location and calendar as customers knows them; cached on the visit at creation. */
export async function fetchSiteLocation(customers: SubgraphClient, siteId: string): Promise<SiteLocation | null> {
  const { site } = await sendDocument(customers, SITE_LOCATION, { id: siteId });
  return site ?? null;
}
