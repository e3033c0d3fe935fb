import { DomainError, notFound, sendDocument, serviceDocument, type SubgraphClient } from '@polyplus/subgraph-kit';

export type Destination = {
  incidentId: string;
  customerId: string;
  deviceId: string;
  siteId: string;
  countryCode: string;
  subdivision: string | null;
  timeZone: string;
};

type IncidentRow = { id: string; device: { id: string }; customer: { id: string } };
type DeviceRow = { id: string; site: { id: string } };
type SiteRow = { id: string; countryCode: string; subdivision?: string | null; timeZone: string };

export const INCIDENT_DEVICE = serviceDocument<{ incident: IncidentRow | null }, { id: string }>(
  'incidents',
  'query IncidentDevice($id: ID!) { incident(id: $id) { id device { id } customer { id } } }',
);

export const DEVICE_SITE = serviceDocument<{ device: DeviceRow | null }, { id: string }>(
  'devices',
  'query DeviceSite($id: ID!) { device(id: $id) { id site { id } } }',
);

export const SITE_CALENDAR = serviceDocument<{ site: SiteRow | null }, { id: string }>(
  'customers',
  'query SiteCalendar($id: ID!) { site(id: $id) { id countryCode subdivision timeZone } }',
);

export const ADVANCE_REPLACEMENT_ENTITLEMENT = serviceDocument<
  { deviceEntitlement: { covered: boolean; advanceReplacementAllowed: boolean } },
  { deviceId: string; at: string }
>(
  'devices',
  'query Entitlement($deviceId: ID!, $at: DateTimeISO!) { deviceEntitlement(deviceId: $deviceId, at: $at) { covered advanceReplacementAllowed } }',
);

/**
 * Where a case's replacement goes and whether the device is entitled to one, asked of the
 * subgraphs that own each fact: incidents (the case), devices (device, entitlement), customers (site).
 */
export class DestinationDirectory {
  constructor(
    private readonly incidents: SubgraphClient,
    private readonly devices: SubgraphClient,
    private readonly customers: SubgraphClient,
  ) {}

  async destinationOf(incidentId: string): Promise<Destination> {
    const { incident } = await sendDocument(this.incidents, INCIDENT_DEVICE, { id: incidentId });
    if (!incident) throw notFound('Incident', incidentId);
    const { device } = await sendDocument(this.devices, DEVICE_SITE, { id: incident.device.id });
    if (!device) throw notFound('Device', incident.device.id);
    const { site } = await sendDocument(this.customers, SITE_CALENDAR, { id: device.site.id });
    if (!site) throw notFound('Site', device.site.id);
    // The subdivision brings the site's regional holidays into delivery and return dates, as in its case clock.
    const subdivision = site.subdivision ?? null;
    return {
      incidentId,
      customerId: incident.customer.id,
      deviceId: device.id,
      siteId: site.id,
      countryCode: site.countryCode,
      subdivision,
      timeZone: site.timeZone,
    };
  }

  /**
   * Coverage and, for personal devices, the 3-years-of-continuous-coverage rule, decided by devices.
   * Each refusal is FORBIDDEN with `extensions.reason`, as every entitlement refusal is.
   */
  async assertAdvanceReplacementAllowed(deviceId: string, at: Date): Promise<void> {
    const { deviceEntitlement } = await sendDocument(this.devices, ADVANCE_REPLACEMENT_ENTITLEMENT, { deviceId, at: at.toISOString() });
    if (!deviceEntitlement.covered) {
      throw new DomainError('FORBIDDEN', `Device ${deviceId} is not covered by a current Poly+ contract`, { reason: 'DEVICE_NOT_COVERED' });
    }
    if (!deviceEntitlement.advanceReplacementAllowed) {
      throw new DomainError(
        'FORBIDDEN',
        `Device ${deviceId} is not entitled to advance replacement (personal devices: 3 years of continuous coverage at most)`,
        {
          reason: 'PERSONAL_DEVICE_COVERAGE_LIMIT',
        },
      );
    }
  }
}
