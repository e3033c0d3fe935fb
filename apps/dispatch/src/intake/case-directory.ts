import { sendDocument, serviceDocument, type SubgraphClient } from '@polyplus/subgraph-kit';
import { fetchSiteLocation, type SiteLocation } from '../site/site-directory';

export type CaseFacts = {
  incidentId: string;
  severity: number;
  siteId: string;
  customerId: string;
  deviceId: string;
  /** The covering contract includes the onsite option, deliverable for this product at this site. */
  onsite: boolean;
  productType: string | null;
  site: SiteLocation | null;
};

type IncidentFacts = { id: string; severity: number; siteId: string; customer: { id: string }; device: { id: string } };
type DeviceFacts = { device: { product: { productType: string } | null } | null; deviceEntitlement: { options: string[] } };

export const CASE_FACTS = serviceDocument<{ incident: IncidentFacts | null }, { id: string }>(
  'incidents',
  'query CaseFacts($id: ID!) { incident(id: $id) { id severity siteId customer { id } device { id } } }',
);

export const ONSITE_ENTITLEMENT = serviceDocument<DeviceFacts, { id: string; at: string }>(
  'devices',
  'query Onsite($id: ID!, $at: DateTimeISO!) { device(id: $id) { product { productType } } deviceEntitlement(deviceId: $id, at: $at) { options } }',
);

/** What a visit needs to know about a support case, asked of the subgraphs that own it. */
export class CaseDirectory {
  constructor(
    private readonly incidents: SubgraphClient,
    private readonly devices: SubgraphClient,
    private readonly customers: SubgraphClient,
  ) {}

  /** Null when the case does not exist. */
  async lookUp(incidentId: string, at: Date): Promise<CaseFacts | null> {
    const { incident } = await sendDocument(this.incidents, CASE_FACTS, { id: incidentId });
    if (!incident) return null;
    const { device, deviceEntitlement } = await sendDocument(this.devices, ONSITE_ENTITLEMENT, {
      id: incident.device.id,
      at: at.toISOString(),
    });
    return {
      incidentId,
      severity: incident.severity,
      siteId: incident.siteId,
      customerId: incident.customer.id,
      deviceId: incident.device.id,
      onsite: deviceEntitlement.options.includes('ONSITE'),
      productType: device?.product?.productType ?? null,
      site: await fetchSiteLocation(this.customers, incident.siteId),
    };
  }
}
