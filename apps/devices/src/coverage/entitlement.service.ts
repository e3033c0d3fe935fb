import type { DataSource } from 'typeorm';
import { notFound } from '@polyplus/subgraph-kit';
import { Device } from '../device/device.entity';
import { tickBatcher } from '../shared/tick-batcher';
import { OnsiteAvailabilityRule } from './onsite-availability-rule.entity';
import { isOnsiteAvailable } from './onsite-availability';
import { decideEntitlement } from './decide-entitlement';
import type { CoverageDirectory } from './coverage-directory';
import type { DeviceEntitlement } from './device-entitlement.type';

type Request = { device: Device; at: Date };

/** Entitlement of devices at an instant from the customers subgraph's contracts and sites and our catalog and rules. */
export class EntitlementService {
  /** Per-device entry point for field resolvers: calls in one tick share one request to customers. */
  readonly entitlementOf: (request: Request) => Promise<DeviceEntitlement>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly coverage: CoverageDirectory,
  ) {
    this.entitlementOf = tickBatcher((requests: Request[]) => this.entitlementsFor(requests));
  }

  /** The device and its entitlement: the caller decides whether the device's owner may see it. */
  async entitlementAt(deviceId: string, at: Date): Promise<{ device: Device; entitlement: DeviceEntitlement }> {
    const device = await this.dataSource.getRepository(Device).findOneBy({ id: deviceId });
    if (!device) throw notFound('Device', deviceId);
    const [entitlement] = await this.entitlementsFor([{ device, at }]);
    return { device, entitlement };
  }

  async entitlementsFor(requests: Request[]): Promise<DeviceEntitlement[]> {
    if (requests.length === 0) return [];
    const [facts, rules] = await Promise.all([
      this.coverage.factsFor(requests.map((r) => r.device.id), requests.map((r) => r.device.siteId)),
      this.dataSource.getRepository(OnsiteAvailabilityRule).find(),
    ]);
    return requests.map(({ device, at }) => {
      const site = facts.sites.get(device.siteId);
      const onsiteHere = site !== undefined && isOnsiteAvailable(rules, site, device.product.productType);
      return decideEntitlement({
        deviceId: device.id,
        at,
        periods: facts.periodsByDevice.get(device.id) ?? [],
        // A site the customers subgraph no longer knows: judge the day in UTC, never offer onsite.
        timeZone: site?.timeZone ?? 'UTC',
        productType: device.product.productType,
        onsiteAvailable: device.product.onsiteEligible && onsiteHere,
      });
    });
  }
}
