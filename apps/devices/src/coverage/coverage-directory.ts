import { sendDocument, serviceDocument, type SubgraphClient } from '@polyplus/subgraph-kit';
import type { CoveragePeriod } from '@polyplus/business-calendar';

/** A contract's cover of a device: its term, the options bought and the premium features it entitles. */
export type ContractPeriod = CoveragePeriod & { contractId: string; options: string[]; premiumFeatures?: string[] };

export type SiteFacts = { id: string; countryCode: string; subdivision: string | null; timeZone: string };

export type CoverageFacts = { periodsByDevice: Map<string, ContractPeriod[]>; sites: Map<string, SiteFacts> };

type CoverageResponse = {
  deviceCoverage: { deviceId: string; periods: { contractId: string; startsOn: string; endsOn: string; options: string[]; premiumFeatures: string[] }[] }[];
  sitesByIds: SiteFacts[];
};

export const DEVICE_COVERAGE = serviceDocument<CoverageResponse, { deviceIds: string[]; siteIds: string[] }>(
  'customers',
  'query Coverage($deviceIds: [ID!]!, $siteIds: [ID!]!) { deviceCoverage(deviceIds: $deviceIds) { deviceId periods { contractId startsOn endsOn options premiumFeatures } } sitesByIds(ids: $siteIds) { id countryCode subdivision timeZone } }',
);

/**
 * Asks the customers subgraph (it owns contracts and sites) which contracts cover some devices
 * and where their sites are: one request for a whole list of devices.
 */
export class CoverageDirectory {
  constructor(private readonly customers: SubgraphClient) {}

  async factsFor(deviceIds: string[], siteIds: string[]): Promise<CoverageFacts> {
    const data = await sendDocument(this.customers, DEVICE_COVERAGE, { deviceIds: [...new Set(deviceIds)], siteIds: [...new Set(siteIds)] });
    return {
      periodsByDevice: new Map(
        data.deviceCoverage.map(({ deviceId, periods }) => [deviceId, periods.map((p) => ({ contractId: p.contractId, start: p.startsOn, end: p.endsOn, options: p.options, premiumFeatures: p.premiumFeatures }))]),
      ),
      sites: new Map(data.sitesByIds.map((site) => [site.id, site])),
    };
  }
}
