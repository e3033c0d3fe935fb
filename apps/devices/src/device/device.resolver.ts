import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { entityReference, Access, CUSTOMER_SIDE, CUSTOMER_USERS, STAFF, SUPPORT } from '@polyplus/subgraph-kit';
import { Device } from './device.entity';
import { DeviceService } from './device.service';
import { RegisterDeviceInput } from './dto/register-device.input';

export const CustomerReference = entityReference('Customer', { resolvable: false });
export const SiteReference = entityReference('Site', { resolvable: false });

@Resolver(() => Device)
export class DeviceResolver {
  constructor(private readonly deviceService: DeviceService) {}

  @Access(STAFF, CUSTOMER_SIDE)
  @Query(() => Device, { nullable: true })
  device(@Arg('id', () => ID) id: string): Promise<Device | null> {
    return this.deviceService.findById(id);
  }

  @Access(STAFF, CUSTOMER_SIDE)
  @Query(() => [Device])
  devices(@Arg('customerId', () => ID) customerId: string): Promise<Device[]> {
    return this.deviceService.listForCustomer(customerId);
  }

  @Access(STAFF, CUSTOMER_SIDE)
  @Query(() => [Device], { description: 'Several devices at once (other subgraphs batch their look-ups); unknown ids are left out.' })
  devicesByIds(@Arg('ids', () => [ID]) ids: string[]): Promise<Device[]> {
    return this.deviceService.findByIds(ids);
  }

  @Access(STAFF, CUSTOMER_SIDE)
  @Query(() => Device, { nullable: true })
  deviceBySerialNumber(@Arg('serialNumber', () => String) serialNumber: string): Promise<Device | null> {
    return this.deviceService.findBySerial(serialNumber.trim().toUpperCase());
  }

  @Access(SUPPORT, CUSTOMER_USERS)
  @Mutation(() => Device)
  registerDevice(@Arg('input', () => RegisterDeviceInput) input: RegisterDeviceInput): Promise<Device> {
    return this.deviceService.register(input);
  }

  @FieldResolver(() => String, { description: 'The catalog model, e.g. Studio X50.' })
  productModel(@Root() device: Device): string {
    return device.product.model;
  }

  @FieldResolver(() => CustomerReference)
  customer(@Root() device: Device) {
    return new CustomerReference(device.customerId);
  }

  @FieldResolver(() => SiteReference)
  site(@Root() device: Device) {
    return new SiteReference(device.siteId);
  }
}
