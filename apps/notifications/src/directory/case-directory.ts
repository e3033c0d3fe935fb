import { sendDocument, serviceDocument, type SubgraphClient } from '@polyplus/subgraph-kit';

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

type IncidentReply = Omit<CaseFacts, 'customerId' | 'deviceSerialNumber' | 'productModel'> & {
  customer: { id: string };
  device: { id: string };
};

export const SECURITY_NOTICE_SUMMARY = serviceDocument<{ securityNotice: { summary: string } | null }, { id: string }>(
  'incidents',
  'query SecurityNoticeSummary($id: ID!) { securityNotice(id: $id) { summary } }',
);

export const CASE_FACTS = serviceDocument<{ incident: IncidentReply | null }, { id: string }>(
  'incidents',
  'query CaseFacts($id: ID!) { incident(id: $id) { id contactId siteId summary severity status reportedAt responseDueAt respondedAt workaround fixExpectedInRelease resolution resolvedAt customer { id } device { id } } }',
);

export const DEVICE_MODEL = serviceDocument<{ device: { serialNumber: string; productModel: string } | null }, { id: string }>(
  'devices',
  'query DeviceModel($id: ID!) { device(id: $id) { serialNumber productModel } }',
);

/** Case look-ups in the incidents subgraph; the device's serial number from the devices subgraph. */
export class CaseDirectory {
  constructor(
    private readonly incidents: SubgraphClient,
    private readonly devices: SubgraphClient,
  ) {}

  /** What a security or privacy notice says (its summary), for the mail about it. */
  async securityNoticeSummary(noticeId: string): Promise<string | null> {
    const { securityNotice: notice } = await sendDocument(this.incidents, SECURITY_NOTICE_SUMMARY, { id: noticeId });
    return notice?.summary ?? null;
  }

  async caseFacts(incidentId: string): Promise<CaseFacts | null> {
    const { incident } = await sendDocument(this.incidents, CASE_FACTS, { id: incidentId });
    if (!incident) return null;
    const { device } = await sendDocument(this.devices, DEVICE_MODEL, { id: incident.device.id });
    const { customer, device: _device, ...facts } = incident;
    return {
      ...facts,
      customerId: customer.id,
      deviceSerialNumber: device?.serialNumber ?? null,
      productModel: device?.productModel ?? null,
    };
  }
}
