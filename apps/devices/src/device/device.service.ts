import { randomUUID } from 'node:crypto';
import { In, type DataSource, type Repository } from 'typeorm';
import { badUserInput, conflict, notFound } from '@polyplus/subgraph-kit';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Device } from './device.entity';
import { RegistrationChannel } from './registration-channel';
import type { RegisterDeviceInput } from './dto/register-device.input';
import type { CustomerDirectory } from './customer-directory';
import type { ProductService } from '../product/product.service';

export class DeviceService {
  private readonly devices: Repository<Device>;

  constructor(
    dataSource: DataSource,
    private readonly directory: CustomerDirectory,
    private readonly products: ProductService,
  ) {
    this.devices = dataSource.getRepository(Device);
  }

  async register(input: RegisterDeviceInput): Promise<Device> {
    const product = (await this.products.byModels([input.productModel])).get(input.productModel);
    if (!product) throw badUserInput(`Unknown product model ${input.productModel}`, 'productModel');
    await this.directory.assertSiteOfCustomer(input.siteId, input.customerId);
    const device = this.devices.create({
      id: randomUUID(),
      serialNumber: input.serialNumber,
      productId: product.id,
      customerId: input.customerId,
      siteId: input.siteId,
      registrationChannel: RegistrationChannel.POLY_LENS,
    });
    try {
      // The UNIQUE index, not a prior SELECT, decides serial uniqueness: it cannot race.
      await this.devices.insert(device);
    } catch (error) {
      if (isDuplicateEntry(error)) throw conflict(`Serial number ${input.serialNumber} is already registered`);
      throw error;
    }
    return this.getById(device.id);
  }

  findById(id: string): Promise<Device | null> {
    return this.devices.findOneBy({ id });
  }

  async getById(id: string): Promise<Device> {
    const device = await this.findById(id);
    if (!device) throw notFound('Device', id);
    return device;
  }

  findByIds(ids: string[]): Promise<Device[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.devices.findBy({ id: In([...new Set(ids)]) });
  }

  findBySerial(serialNumber: string): Promise<Device | null> {
    return this.devices.findOneBy({ serialNumber });
  }

  listForCustomer(customerId: string): Promise<Device[]> {
    return this.devices.find({ where: { customerId }, order: { serialNumber: 'ASC' } });
  }

  async recordInstalledVersion(deviceId: string, version: string): Promise<Device> {
    const device = await this.getById(deviceId);
    await this.devices.update({ id: deviceId }, { installedVersion: version });
    return { ...device, installedVersion: version };
  }
}
