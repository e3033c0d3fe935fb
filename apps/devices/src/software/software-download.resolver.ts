import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, badUserInput, CUSTOMER_USERS, SUPPORT, type SubgraphContext } from '@polyplus/subgraph-kit';
import { Device } from '../device/device.entity';
import { DeviceService } from '../device/device.service';
import { SoftwareDownload } from './software-download.entity';
import { MAX_DOWNLOAD_RECORDS, SoftwareDownloadService } from './software-download.service';

/** "Download the latest Poly Endpoint Software that is available for the current release and the latest version minus one." */
@Resolver(() => SoftwareDownload)
export class SoftwareDownloadResolver {
  constructor(
    private readonly downloads: SoftwareDownloadService,
    private readonly devices: DeviceService,
  ) {}

  @Access(SUPPORT, CUSTOMER_USERS)
  @Mutation(() => SoftwareDownload, {
    description:
      'Downloads a release: the latest or the latest minus one of its product only (older ones are FORBIDDEN with reason OLDER_THAN_LATEST_MINUS_ONE), for a product the customer has under a current contract (PRODUCT_NOT_UNDER_CONTRACT, DEVICE_NOT_COVERED). Records who downloaded what and when; returns the link.',
  })
  downloadSoftwareRelease(
    @Arg('releaseId', () => ID) releaseId: string,
    @Arg('deviceId', () => ID, {
      nullable: true,
      description: 'The device the software is for; by default a covered device of the customer’s of that product.',
    })
    deviceId: string | undefined,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<SoftwareDownload> {
    return this.downloads.download(principal, releaseId, deviceId);
  }

  @Access(SUPPORT)
  @Query(() => [SoftwareDownload], { description: 'Who downloaded which release, newest first (vendor staff).' })
  softwareDownloadRecords(
    @Arg('productId', () => ID, { nullable: true }) productId: string | undefined,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | undefined,
    @Arg('first', () => Int, { defaultValue: 50, description: `1 to ${MAX_DOWNLOAD_RECORDS}.` }) first: number,
  ): Promise<SoftwareDownload[]> {
    if (first < 1 || first > MAX_DOWNLOAD_RECORDS) throw badUserInput(`first must be between 1 and ${MAX_DOWNLOAD_RECORDS}`, 'first');
    return this.downloads.list({ productId, customerId }, first);
  }

  @FieldResolver(() => Device, { nullable: true })
  device(@Root() download: SoftwareDownload): Promise<Device | null> {
    return download.deviceId ? this.devices.findById(download.deviceId) : Promise.resolve(null);
  }
}
