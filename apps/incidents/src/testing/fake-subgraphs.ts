// Test doubles for the devices and customers subgraphs, speaking the queries the directories send.
import { randomUUID } from 'node:crypto';
import type { Principal } from '@polyplus/auth';
import type { SubgraphClient } from '@polyplus/subgraph-kit';
import { EntitlementDirectory } from '../incident/entitlement-directory';
import { CustomerDirectory } from '../incident/customer-directory';

/** The support engineer the service-level specs act as (the gateway would have verified them). */
export const SUPPORT_DESK: Principal = { subject: 'tsr.desk', role: 'SUPPORT_ENGINEER', customerIds: [] };

export type FakeSite = { id: string; countryCode: string; timeZone: string; subdivision: string | null };
export type FakeDevice = { id: string; customerId: string; siteId: string; covered: boolean };

export class FakeWorld {
  readonly sites = new Map<string, FakeSite>();
  readonly devices = new Map<string, FakeDevice>();
  readonly designated = new Set<string>();

  site(countryCode = 'GB', timeZone = 'Europe/London', subdivision: string | null = null): FakeSite {
    const site = { id: randomUUID(), countryCode, timeZone, subdivision };
    this.sites.set(site.id, site);
    return site;
  }

  device(site: FakeSite, options: { customerId?: string; covered?: boolean } = {}): FakeDevice {
    const device = { id: randomUUID(), customerId: options.customerId ?? randomUUID(), siteId: site.id, covered: options.covered ?? true };
    this.devices.set(device.id, device);
    return device;
  }

  designatedContact(customerId: string): string {
    const contactId = randomUUID();
    this.designated.add(`${customerId}|${contactId}`);
    return contactId;
  }

  readonly devicesClient: SubgraphClient = {
    request: async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      if (query.includes('deviceEntitlement')) {
        const device = this.devices.get(String(variables.deviceId));
        const covered = Boolean(device?.covered);
        return { deviceEntitlement: { covered, contractId: covered ? `contract-${device?.customerId}` : null, options: [], personalDevice: false, advanceReplacementAllowed: covered } } as T;
      }
      const device = this.devices.get(String(variables.id));
      return { device: device ? { id: device.id, customer: { id: device.customerId }, site: { id: device.siteId } } : null } as T;
    },
  };

  readonly customersClient: SubgraphClient = {
    request: async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      if (query.includes('isDesignatedContact')) {
        return { isDesignatedContact: this.designated.has(`${variables.customerId}|${variables.contactId}`) } as T;
      }
      return { site: this.sites.get(String(variables.id)) ?? null } as T;
    },
  };

  directories() {
    return { devices: new EntitlementDirectory(this.devicesClient), customers: new CustomerDirectory(this.customersClient) };
  }
}
