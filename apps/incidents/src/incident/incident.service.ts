import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { Incident } from './incident.entity';
import { IncidentStatus } from './incident-status';
import type { OpenIncidentInput } from './dto/open-incident.input';
import type { DeviceDirectory } from './device-directory';

export class IncidentService {
  private readonly incidents: Repository<Incident>;

  constructor(
    dataSource: DataSource,
    private readonly devices: DeviceDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.incidents = dataSource.getRepository(Incident);
  }

  async open(input: OpenIncidentInput): Promise<Incident> {
    const owner = await this.devices.ownerOf(input.deviceId);
    const incident = this.incidents.create({
      id: randomUUID(),
      customerId: owner.customerId,
      deviceId: owner.deviceId,
      severity: input.severity,
      status: IncidentStatus.NEW,
      summary: input.summary.trim(),
      reportedAt: this.now(),
    });
    return this.incidents.save(incident);
  }

  findById(id: string): Promise<Incident | null> {
    return this.incidents.findOneBy({ id });
  }

  listForDevice(deviceId: string): Promise<Incident[]> {
    return this.incidents.find({ where: { deviceId }, order: { reportedAt: 'DESC' } });
  }

  listForCustomer(customerId: string): Promise<Incident[]> {
    return this.incidents.find({ where: { customerId }, order: { reportedAt: 'DESC' } });
  }
}
