import { notFound, sendDocument, serviceDocument, type SubgraphClient } from '@polyplus/subgraph-kit';

export type DevicePlacement = { deviceId: string; customerId: string; siteId: string };

export type DeviceEntitlement = {
  covered: boolean;
  contractId: string | null;
  options: string[];
  personalDevice: boolean;
  advanceReplacementAllowed: boolean;
};

export const DEVICE_PLACEMENT = serviceDocument<
  { device: { id: string; customer: { id: string }; site: { id: string } } | null },
  { id: string }
>('devices', 'query DevicePlacement($id: ID!) { device(id: $id) { id customer { id } site { id } } }');

export const DEVICE_ENTITLEMENT = serviceDocument<{ deviceEntitlement: DeviceEntitlement }, { deviceId: string; at: string }>(
  'devices',
  'query Entitlement($deviceId: ID!, $at: DateTimeISO!) { deviceEntitlement(deviceId: $deviceId, at: $at) { covered contractId options personalDevice advanceReplacementAllowed } }',
);

/**
 * Asks the devices subgraph (it owns the registry and coverage) where a device is and whether it
 * is covered at an instant. The one place that knows the shape of those queries.
 */
export class EntitlementDirectory {
  constructor(private readonly devices: SubgraphClient) {}

  async placementOf(deviceId: string): Promise<DevicePlacement> {
    const { device } = await sendDocument(this.devices, DEVICE_PLACEMENT, { id: deviceId });
    if (!device) throw notFound('Device', deviceId);
    return { deviceId: device.id, customerId: device.customer.id, siteId: device.site.id };
  }

  async entitlementAt(deviceId: string, at: Date): Promise<DeviceEntitlement> {
    const data = await sendDocument(this.devices, DEVICE_ENTITLEMENT, { deviceId, at: at.toISOString() });
    return data.deviceEntitlement;
  }
}
