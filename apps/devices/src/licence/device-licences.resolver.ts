import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Device } from '../device/device.entity';
import { Licence } from './licence.entity';
import { LicenceService } from './licence.service';

/** Contributes `Device.licences`. */
@Resolver(() => Device)
export class DeviceLicencesResolver {
  constructor(private readonly licenceService: LicenceService) {}

  @FieldResolver(() => [Licence])
  licences(@Root() device: Device): Promise<Licence[]> {
    return this.licenceService.listForDevice(device.id);
  }
}
