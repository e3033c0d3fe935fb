import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertVisible, type SubgraphContext, Access, CUSTOMER_USERS, SUPPORT } from '@polyplus/subgraph-kit';
import { Licence } from './licence.entity';
import { LicenceService } from './licence.service';
import { IssueLicenceInput } from './dto/issue-licence.input';
import { Device } from '../device/device.entity';
import { DeviceService } from '../device/device.service';

@Resolver(() => Licence)
export class LicenceResolver {
  constructor(
    private readonly licences: LicenceService,
    private readonly devices: DeviceService,
  ) {}

  @Access(SUPPORT, CUSTOMER_USERS)
  @Query(() => [Licence], { description: 'Licences of the registered device with this serial number; NOT_FOUND when none is registered.' })
  async licencesBySerialNumber(
    @Arg('serialNumber', () => String) serialNumber: string,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<Licence[]> {
    const { device, licences } = await this.licences.lookUpBySerial(serialNumber);
    assertVisible(principal, device.customerId, 'Device', device.serialNumber);
    return licences;
  }

  @Access(SUPPORT)
  @Mutation(() => Licence)
  issueLicence(@Arg('input', () => IssueLicenceInput) input: IssueLicenceInput): Promise<Licence> {
    return this.licences.issue(input);
  }

  @FieldResolver(() => Device)
  device(@Root() licence: Licence): Promise<Device> {
    return this.devices.getById(licence.deviceId);
  }
}
