import { badUserInput, notFound } from '@polyplus/subgraph-kit';
import type { DeviceDirectory } from '../contract/device-directory';

/** Stands in for the devices subgraph: which customer owns which device id. */
export class FakeDevices {
  readonly owners = new Map<string, string>();

  own(customerId: string, deviceId: string): string {
    this.owners.set(deviceId, customerId);
    return deviceId;
  }

  readonly directory = {
    assertDevicesOfCustomer: async (deviceIds: string[], customerId: string) => {
      const unknown = deviceIds.find((id) => !this.owners.has(id));
      if (unknown) throw notFound('Device', unknown);
      if (deviceIds.some((id) => this.owners.get(id) !== customerId)) throw badUserInput('devices of another customer', 'deviceIds');
    },
  } as unknown as DeviceDirectory;
}
