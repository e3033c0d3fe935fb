import { fetchById, notFound, type SubgraphClient } from '@polyplus/subgraph-kit';

export type DeviceOwner = { deviceId: string; customerId: string };

/** Asks the devices subgraph (it owns the registry) which customer a device belongs to. */
export class DeviceDirectory {
  constructor(private readonly devices: SubgraphClient) {}

  async ownerOf(deviceId: string): Promise<DeviceOwner> {
    const device = await fetchById<{ id: string; customer: { id: string } }>(this.devices, 'device', deviceId, 'id customer { id }');
    if (!device) throw notFound('Device', deviceId);
    return { deviceId: device.id, customerId: device.customer.id };
  }
}
