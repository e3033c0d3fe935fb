import { badUserInput, notFound, sendDocument, serviceDocument, type SubgraphClient } from '@polyplus/subgraph-kit';

export const DEVICE_OWNERS = serviceDocument<{ devicesByIds: { id: string; customer: { id: string } }[] }, { ids: string[] }>(
  'devices',
  'query Owners($ids: [ID!]!) { devicesByIds(ids: $ids) { id customer { id } } }',
);

/** Asks the devices subgraph (it owns the registry) who owns the devices a contract is to cover. */
export class DeviceDirectory {
  constructor(private readonly devices: SubgraphClient) {}

  async assertDevicesOfCustomer(deviceIds: string[], customerId: string): Promise<void> {
    if (deviceIds.length === 0) return;
    const { devicesByIds } = await sendDocument(this.devices, DEVICE_OWNERS, { ids: deviceIds });
    const owners = new Map(devicesByIds.map((device) => [device.id, device.customer.id]));
    const unknown = deviceIds.find((id) => !owners.has(id));
    if (unknown) throw notFound('Device', unknown);
    const foreign = deviceIds.filter((id) => owners.get(id) !== customerId);
    if (foreign.length > 0)
      throw badUserInput(`Devices ${foreign.slice(0, 5).join(', ')} do not belong to customer ${customerId}`, 'deviceIds');
  }
}
