import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { conflict } from '@polyplus/subgraph-kit';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Device } from './device.entity';
import type { RegisterDeviceInput } from './dto/register-device.input';
import type { CustomerDirectory } from './customer-directory';

export class DeviceService {
  private readonly devices: Repository<Device>;

  constructor(
    dataSource: DataSource,
    private readonly directory: CustomerDirectory,
  ) {
    this.devices = dataSource.getRepository(Device);
  }

  async register(input: RegisterDeviceInput): Promise<Device> {
    await this.directory.assertSiteOfCustomer(input.siteId, input.customerId);
    try {
      // The UNIQUE index, not a prior SELECT, decides serial uniqueness: it cannot race.
      return await this.devices.save(this.devices.create({ id: randomUUID(), ...input }));
    } catch (error) {
      if (isDuplicateEntry(error)) throw conflict(`Serial number ${input.serialNumber} is already registered`);
      throw error;
    }
  }

  findById(id: string): Promise<Device | null> {
    return this.devices.findOneBy({ id });
  }

  listForCustomer(customerId: string): Promise<Device[]> {
    return this.devices.find({ where: { customerId }, order: { serialNumber: 'ASC' } });
  }
}
