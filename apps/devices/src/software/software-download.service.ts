import { randomUUID } from 'node:crypto';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import { actorOf, canSeeCustomer, isCustomerScoped, type Principal } from '@polyplus/auth';
import { badUserInput, DomainError, notFound } from '@polyplus/subgraph-kit';
import { Device } from '../device/device.entity';
import type { CoveredDevices } from './covered-devices';
import { SoftwareDownload } from './software-download.entity';
import { SoftwareRelease } from './software-release.entity';
import type { SoftwareService } from './software.service';
import { downloadableSet } from './software-version';

export const MAX_DOWNLOAD_RECORDS = 500;

const refused = (message: string, reason: string) => new DomainError('FORBIDDEN', message, { reason });

/**
 * Software downloads as the service description allows them: the latest release of a product and
 * the latest minus one, for a product the customer has under a current contract, each download
 * recorded with the verified caller.
 */
export class SoftwareDownloadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly software: SoftwareService,
    private readonly covered: CoveredDevices,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async download(principal: Principal, releaseId: string, deviceId?: string | null): Promise<SoftwareDownload> {
    const release = await this.dataSource.getRepository(SoftwareRelease).findOneBy({ id: releaseId });
    if (!release) throw notFound('SoftwareRelease', releaseId);
    const available = await this.software.listForProduct(release.productId);
    if (!available.some((candidate) => candidate.id === release.id)) {
      throw refused(`Version ${release.version} is not generally available yet`, 'NOT_GENERALLY_AVAILABLE');
    }
    if (!downloadableSet(available).some((candidate) => candidate.id === release.id)) {
      const [latest, previous] = downloadableSet(available).map((candidate) => candidate.version);
      throw refused(
        `Only the latest release (${latest}) and the one before it (${previous}) may be downloaded; ${release.version} is older`,
        'OLDER_THAN_LATEST_MINUS_ONE',
      );
    }
    if (!release.downloadUrl)
      throw new DomainError('NOT_FOUND', `No download link is published for version ${release.version}`, {
        entity: 'SoftwareRelease',
        id: releaseId,
      });
    const device = await this.deviceFor(principal, release, deviceId ?? undefined);
    const record = Object.assign(new SoftwareDownload(), {
      id: randomUUID(),
      releaseId: release.id,
      release,
      productId: release.productId,
      version: release.version,
      deviceId: device?.id ?? null,
      customerId: device?.customerId ?? null,
      downloadedBy: actorOf(principal),
      downloadedAt: this.now(),
      url: release.downloadUrl,
    });
    const { release: _release, ...row } = record;
    await this.dataSource.getRepository(SoftwareDownload).insert(row);
    return record;
  }

  /**
   * The device the download is for. A customer needs a device of the release's product under a
   * current contract: the one named, or the first such device of its own. Staff may name one.
   */
  private async deviceFor(principal: Principal, release: SoftwareRelease, deviceId?: string): Promise<Device | null> {
    if (deviceId !== undefined) {
      const device = await this.dataSource.getRepository(Device).findOneBy({ id: deviceId });
      // Another customer's device answers as an unknown one.
      if (!device || !canSeeCustomer(principal, device.customerId)) throw notFound('Device', deviceId);
      if (device.productId !== release.productId)
        throw badUserInput(`Device ${deviceId} is a ${device.product.model}, not a device of this release's product`, 'deviceId');
      if (isCustomerScoped(principal) && !(await this.covered.covers(device))) {
        throw refused(`Device ${device.serialNumber} is not covered by a current Poly+ contract`, 'DEVICE_NOT_COVERED');
      }
      return device;
    }
    if (!isCustomerScoped(principal)) return null;
    const [device] = await this.covered.of(principal.customerIds, release.productId);
    if (!device)
      throw refused('Software is downloadable only for a product you have under a current Poly+ contract', 'PRODUCT_NOT_UNDER_CONTRACT');
    return device;
  }

  /** Download records, newest first. */
  list(filter: { productId?: string | null; customerId?: string | null }, first: number): Promise<SoftwareDownload[]> {
    const where: FindOptionsWhere<SoftwareDownload> = {};
    if (filter.productId) where.productId = filter.productId;
    if (filter.customerId) where.customerId = filter.customerId;
    return this.dataSource.getRepository(SoftwareDownload).find({ where, order: { downloadedAt: 'DESC', id: 'ASC' }, take: first });
  }
}
