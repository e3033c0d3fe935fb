import { randomUUID } from 'node:crypto';
import { In, type DataSource, type Repository } from 'typeorm';
import { badUserInput, conflict, notFound } from '@polyplus/subgraph-kit';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Product } from '../product/product.entity';
import { Device } from '../device/device.entity';
import { tickBatcher } from '../shared/tick-batcher';
import { SoftwareRelease } from './software-release.entity';
import { compareVersions, downloadableSet, VERSION_PATTERN } from './software-version';
import type { PublishReleaseInput } from './dto/publish-release.input';

function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** GA releases per product, what may be downloaded, and which devices run an older version. */
export class SoftwareService {
  private readonly releases: Repository<SoftwareRelease>;
  /** Field resolvers of a device list share one query for the releases of all their products. */
  readonly releasesOf: (productId: string) => Promise<SoftwareRelease[]>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.releases = dataSource.getRepository(SoftwareRelease);
    this.releasesOf = tickBatcher(async (productIds: string[]) => {
      const byProduct = await this.publishedFor(productIds);
      return productIds.map((id) => byProduct.get(id) ?? []);
    });
  }

  async publish(input: PublishReleaseInput): Promise<SoftwareRelease> {
    if (Number.isNaN(Date.parse(`${input.releasedOn}T00:00:00Z`)))
      throw badUserInput(`releasedOn ${input.releasedOn} is not a date`, 'releasedOn');
    if (!(await this.dataSource.getRepository(Product).existsBy({ id: input.productId }))) throw notFound('Product', input.productId);
    const release = this.releases.create({ id: randomUUID(), ...input });
    try {
      await this.releases.insert(release);
      return release;
    } catch (error) {
      if (isDuplicateEntry(error)) throw conflict(`Version ${input.version} of product ${input.productId} is already published`);
      throw error;
    }
  }

  /** Releases already generally available (released on or before today), newest first, per product. */
  async publishedFor(productIds: string[]): Promise<Map<string, SoftwareRelease[]>> {
    const unique = [...new Set(productIds)];
    const rows = unique.length === 0 ? [] : await this.releases.findBy({ productId: In(unique) });
    const today = todayUtc(this.now());
    const byProduct = new Map<string, SoftwareRelease[]>();
    for (const release of rows.filter((r) => r.releasedOn <= today)) {
      byProduct.set(release.productId, [...(byProduct.get(release.productId) ?? []), release]);
    }
    for (const list of byProduct.values()) list.sort((a, b) => compareVersions(b.version, a.version));
    return byProduct;
  }

  async listForProduct(productId: string): Promise<SoftwareRelease[]> {
    return (await this.publishedFor([productId])).get(productId) ?? [];
  }

  async downloadsFor(productId: string): Promise<SoftwareRelease[]> {
    return downloadableSet(await this.releasesOf(productId));
  }

  /** The customer must install updates: its devices whose reported version is older than the latest. */
  async devicesBehind(customerId: string): Promise<Device[]> {
    const devices = await this.dataSource.getRepository(Device).find({ where: { customerId }, order: { serialNumber: 'ASC' } });
    const latest = await this.publishedFor(devices.map((d) => d.productId));
    return devices.filter((device) => {
      const newest = latest.get(device.productId)?.[0];
      return device.installedVersion !== null && newest !== undefined && compareVersions(device.installedVersion, newest.version) < 0;
    });
  }

  /** A device can only report a version of its own product that was published. */
  async assertKnownVersion(productId: string, version: string): Promise<void> {
    if (!VERSION_PATTERN.test(version)) throw badUserInput('version must be dotted numbers such as 4.1.3', 'version');
    if (!(await this.releases.existsBy({ productId, version })))
      throw badUserInput(`Version ${version} is not a release of this product`, 'version');
  }
}
