import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { badUserInput, notFound } from '@polyplus/subgraph-kit';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Device } from '../device/device.entity';
import { normaliseSerialNumber } from '../device/serial-number';
import { Licence } from './licence.entity';
import type { IssueLicenceInput } from './dto/issue-licence.input';

// Crockford-style alphabet: no I, L, O, U to misread when a customer types the key.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function licenceKey(): string {
  const chars = [...randomBytes(25)].map((byte) => ALPHABET[byte % 32]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

export class LicenceService {
  private readonly licences: Repository<Licence>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.licences = dataSource.getRepository(Licence);
  }

  async issue(input: IssueLicenceInput): Promise<Licence> {
    const issuedOn = this.now().toISOString().slice(0, 10);
    if (input.expiresOn != null && input.expiresOn < issuedOn)
      throw badUserInput(`expiresOn ${input.expiresOn} is before today`, 'expiresOn');
    if (!(await this.dataSource.getRepository(Device).existsBy({ id: input.deviceId }))) throw notFound('Device', input.deviceId);
    for (let attempt = 1; ; attempt++) {
      const licence = this.licences.create({
        id: randomUUID(),
        deviceId: input.deviceId,
        feature: input.feature.trim(),
        licenceKey: licenceKey(),
        issuedOn,
        expiresOn: input.expiresOn ?? null,
      });
      try {
        await this.licences.insert(licence);
        return licence;
      } catch (error) {
        // 125 random bits make a clash practically impossible; retry rather than fail if one happens.
        if (!isDuplicateEntry(error) || attempt >= 3) throw error;
      }
    }
  }

  listForDevice(deviceId: string): Promise<Licence[]> {
    return this.licences.find({ where: { deviceId }, order: { issuedOn: 'ASC', feature: 'ASC' } });
  }

  /** Licence look-up by the serial number on the device. */
  /** The registered device with this serial and its licences; the caller checks who may see them. */
  async lookUpBySerial(serialNumber: string): Promise<{ device: Device; licences: Licence[] }> {
    const serial = normaliseSerialNumber(serialNumber);
    const device = await this.dataSource.getRepository(Device).findOneBy({ serialNumber: serial });
    if (!device) throw notFound('Device', serial);
    return { device, licences: await this.listForDevice(device.id) };
  }
}
