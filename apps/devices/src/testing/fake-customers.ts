import { notFound } from '@polyplus/subgraph-kit';
import type { CustomerDirectory } from '../device/customer-directory';
import type { CoverageDirectory, ContractPeriod, CoverageFacts, SiteFacts } from '../coverage/coverage-directory';

type FakeSite = SiteFacts & { customerId: string };

/**
 * Stands in for the customers subgraph: sites and contract coverage held in memory, and a count
 * of coverage requests so a test can see a device list cost one request.
 */
export class FakeCustomers {
  readonly sites = new Map<string, FakeSite>();
  readonly periods = new Map<string, ContractPeriod[]>();
  coverageRequests = 0;

  addSite(site: FakeSite): void {
    this.sites.set(site.id, site);
  }

  cover(deviceId: string, period: ContractPeriod): void {
    this.periods.set(deviceId, [...(this.periods.get(deviceId) ?? []), period]);
  }

  readonly directory = {
    assertSiteOfCustomer: async (siteId: string, customerId: string) => {
      const site = this.sites.get(siteId);
      if (!site || site.customerId !== customerId) throw notFound('Site', siteId);
    },
  } as unknown as CustomerDirectory;

  readonly coverage = {
    factsFor: async (deviceIds: string[], siteIds: string[]): Promise<CoverageFacts> => {
      this.coverageRequests++;
      return {
        periodsByDevice: new Map(deviceIds.map((id) => [id, this.periods.get(id) ?? []])),
        sites: new Map(siteIds.filter((id) => this.sites.has(id)).map((id) => [id, this.sites.get(id)!])),
      };
    },
  } as unknown as CoverageDirectory;
}
