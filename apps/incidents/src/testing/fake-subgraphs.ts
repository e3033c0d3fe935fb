// Test doubles for the devices and customers subgraphs, answering the documents the directories send.
import { randomUUID } from 'node:crypto';
import type { Principal } from '@polyplus/auth';
import type { SubgraphClient } from '@polyplus/subgraph-kit';
import { answer, fakeSubgraphClient } from '@polyplus/testing';
import { DEVICE_ENTITLEMENT, DEVICE_PLACEMENT, EntitlementDirectory } from '../incident/entitlement-directory';
import { CustomerDirectory, DESIGNATED_CONTACT, SITE_CALENDAR } from '../incident/customer-directory';

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

  /** Who may open a case at `site`: a covered device there and a designated contact of its customer. */
  caseReporter(site: FakeSite): { contactId: string; deviceId: string } {
    const device = this.device(site);
    return { contactId: this.designatedContact(device.customerId), deviceId: device.id };
  }

  readonly devicesClient: SubgraphClient = fakeSubgraphClient(
    answer(DEVICE_ENTITLEMENT, ({ deviceId }) => {
      const device = this.devices.get(deviceId);
      const covered = Boolean(device?.covered);
      return {
        deviceEntitlement: {
          covered,
          contractId: covered ? `contract-${device?.customerId}` : null,
          options: [],
          personalDevice: false,
          advanceReplacementAllowed: covered,
        },
      };
    }),
    answer(DEVICE_PLACEMENT, ({ id }) => {
      const device = this.devices.get(id);
      return { device: device ? { id: device.id, customer: { id: device.customerId }, site: { id: device.siteId } } : null };
    }),
  );

  readonly customersClient: SubgraphClient = fakeSubgraphClient(
    answer(DESIGNATED_CONTACT, ({ customerId, contactId }) => ({ isDesignatedContact: this.designated.has(`${customerId}|${contactId}`) })),
    answer(SITE_CALENDAR, ({ id }) => ({ site: this.sites.get(id) ?? null })),
  );

  directories() {
    return { devices: new EntitlementDirectory(this.devicesClient), customers: new CustomerDirectory(this.customersClient) };
  }
}
