import { In, type DataSource } from 'typeorm';
import { Device } from '../device/device.entity';
import type { EntitlementService } from '../coverage/entitlement.service';

/**
 * Which of a customer's devices a current Poly+ contract covers: the one rule behind "documentation
 * and software only for products the customer has under contract". Coverage is decided exactly as
 * a device's entitlement is (the customers subgraph's contracts, the site's local date).
 */
export class CoveredDevices {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entitlements: EntitlementService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The customers' devices (of `productId`, when given) covered now, by serial number. */
  async of(customerIds: readonly string[], productId?: string): Promise<Device[]> {
    if (customerIds.length === 0) return [];
    const devices = await this.dataSource.getRepository(Device).find({
      where: { customerId: In([...customerIds]), ...(productId ? { productId } : {}) },
      order: { serialNumber: 'ASC' },
    });
    const at = this.now();
    const entitlements = await this.entitlements.entitlementsFor(devices.map((device) => ({ device, at })));
    return devices.filter((_device, index) => entitlements[index].covered);
  }

  /** Whether a current contract covers this device now. */
  async covers(device: Device): Promise<boolean> {
    const [entitlement] = await this.entitlements.entitlementsFor([{ device, at: this.now() }]);
    return entitlement.covered;
  }

  /** Product ids the customers have at least one covered device of. */
  async productIds(customerIds: readonly string[]): Promise<Set<string>> {
    return new Set((await this.of(customerIds)).map((device) => device.productId));
  }
}
