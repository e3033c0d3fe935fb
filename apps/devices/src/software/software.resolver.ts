import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, CUSTOMER_USERS, STAFF, SUPPORT } from '@polyplus/subgraph-kit';
import { Device } from '../device/device.entity';
import { DeviceService } from '../device/device.service';
import { SoftwareRelease } from './software-release.entity';
import { SoftwareService } from './software.service';
import { compareVersions, downloadableSet } from './software-version';
import { PublishReleaseInput } from './dto/publish-release.input';

@Resolver(() => Device)
export class SoftwareResolver {
  constructor(
    private readonly software: SoftwareService,
    private readonly devices: DeviceService,
  ) {}

  @Access(STAFF, CUSTOMER_USERS)
  @Query(() => [SoftwareRelease], { description: 'Generally available releases of a product, newest first.' })
  softwareReleases(@Arg('productId', () => ID) productId: string): Promise<SoftwareRelease[]> {
    return this.software.listForProduct(productId);
  }

  @Access(SUPPORT, CUSTOMER_USERS)
  @Query(() => [SoftwareRelease], { description: 'What may be downloaded for a product: the latest release and the latest minus one.' })
  softwareDownloads(@Arg('productId', () => ID) productId: string): Promise<SoftwareRelease[]> {
    return this.software.downloadsFor(productId);
  }

  @Access(SUPPORT, CUSTOMER_USERS)
  @Query(() => [Device], {
    description: 'The customer’s devices running an older version than the latest release (customers must install updates).',
  })
  devicesBehind(@Arg('customerId', () => ID) customerId: string): Promise<Device[]> {
    return this.software.devicesBehind(customerId);
  }

  @Access(SUPPORT)
  @Mutation(() => SoftwareRelease)
  publishSoftwareRelease(@Arg('input', () => PublishReleaseInput) input: PublishReleaseInput): Promise<SoftwareRelease> {
    return this.software.publish(input);
  }

  @Access(SUPPORT)
  @Mutation(() => Device, { description: 'Records the version a device reports (Poly Lens inventory or the customer).' })
  async reportInstalledVersion(
    @Arg('deviceId', () => ID) deviceId: string,
    @Arg('version', () => String) version: string,
  ): Promise<Device> {
    const device = await this.devices.getById(deviceId);
    await this.software.assertKnownVersion(device.productId, version);
    return this.devices.recordInstalledVersion(deviceId, version);
  }

  @FieldResolver(() => [SoftwareRelease], {
    description: 'Downloads for this device: the latest release of its product and the latest minus one.',
  })
  availableDownloads(@Root() device: Device): Promise<SoftwareRelease[]> {
    return this.software.releasesOf(device.productId).then(downloadableSet);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The latest release of the device’s product.' })
  async latestVersion(@Root() device: Device): Promise<string | null> {
    return (await this.software.releasesOf(device.productId))[0]?.version ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'The device reports a version older than the latest release.' })
  async updateRequired(@Root() device: Device): Promise<boolean> {
    const [latest] = await this.software.releasesOf(device.productId);
    return device.installedVersion !== null && latest !== undefined && compareVersions(device.installedVersion, latest.version) < 0;
  }
}
