import { fetchById, type SubgraphClient } from '@polyplus/subgraph-kit';

/** What a case mail says about the case, gathered from incidents (and devices for the serial number). */
export type CaseFacts = {
  id: string;
  customerId: string;
  contactId: string;
  siteId: string;
  summary: string;
  severity: number;
  status: string;
  reportedAt: string;
  responseDueAt: string;
  respondedAt: string | null;
  workaround: string | null;
  fixExpectedInRelease: string | null;
  resolution: string | null;
  resolvedAt: string | null;
  deviceSerialNumber: string | null;
  productModel: string | null;
};

type IncidentReply = Omit<CaseFacts, 'customerId' | 'deviceSerialNumber' | 'productModel'> & { customer: { id: string }; device: { id: string } };

const INCIDENT_FIELDS =
  'id contactId siteId summary severity status reportedAt responseDueAt respondedAt workaround fixExpectedInRelease resolution resolvedAt customer { id } device { id }';

/** Case look-ups in the incidents subgraph; the device's serial number from the devices subgraph. */
export class CaseDirectory {
  constructor(
    private readonly incidents: SubgraphClient,
    private readonly devices: SubgraphClient,
  ) {}

  /** What a security or privacy notice says (its summary), for the mail about it. */
  async securityNoticeSummary(noticeId: string): Promise<string | null> {
    const notice = await fetchById<{ summary: string }>(this.incidents, 'securityNotice', noticeId, 'summary');
    return notice?.summary ?? null;
  }

  async caseFacts(incidentId: string): Promise<CaseFacts | null> {
    const incident = await fetchById<IncidentReply>(this.incidents, 'incident', incidentId, INCIDENT_FIELDS);
    if (!incident) return null;
    const device = await fetchById<{ serialNumber: string; productModel: string }>(this.devices, 'device', incident.device.id, 'serialNumber productModel');
    const { customer, device: _device, ...facts } = incident;
    return { ...facts, customerId: customer.id, deviceSerialNumber: device?.serialNumber ?? null, productModel: device?.productModel ?? null };
  }
}
