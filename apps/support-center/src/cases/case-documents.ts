// Service requests: the customer's cases, one case in full, and opening one.
import { REPLACEMENT_FIELDS, type Replacement } from '../replacements/replacement-documents';

export type CaseSummary = {
  id: string;
  summary: string;
  severity: number;
  status: string;
  channel: string;
  reportedAt: string;
  responseDueAt: string;
  respondedAt: string | null;
  responseObjectiveMet: boolean | null;
  businessMinutesRemaining: number;
  device: { id: string; serialNumber: string; productModel: string; site: { id: string; name: string; timeZone: string } };
};

const CASE_SUMMARY = `
  id summary severity status channel reportedAt responseDueAt respondedAt responseObjectiveMet businessMinutesRemaining
  device { id serialNumber productModel site { id name timeZone } }`;

export const CASES_QUERY = `
  query Cases($customerId: ID!) {
    incidents(customerId: $customerId) { ${CASE_SUMMARY} }
  }`;

export type CasesData = { incidents: CaseSummary[] };

export type AuditEntry = {
  at: string;
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
};

export type PartnerRequest = {
  id: string;
  partner: string;
  trackingNumber: string;
  status: string;
  partnerStatus: string | null;
  openedAt: string;
  closedAt: string | null;
  updates: { partnerStatus: string; note: string | null; reportedAt: string }[];
};

export type CaseVisit = {
  id: string;
  status: string;
  windowStart: string | null;
  windowEnd: string | null;
  releaseAt: string | null;
  siteTimeZone: string | null;
  technician: { name: string } | null;
};

export type CaseComment = { id: string; body: string; author: string; createdAt: string };

export type CaseAttachment = {
  id: string;
  fileName: string;
  contentType: string;
  kind: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  /** A short-lived link for the caller (GET with the bearer token); a path on this page's origin. */
  downloadUrl: string;
};

export type CaseDetail = CaseSummary & {
  respondedBy: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  closedAt: string | null;
  workaround: string | null;
  fixExpectedInRelease: string | null;
  rootCauseKind: string | null;
  rootCauseReference: string | null;
  causedByPartner: string | null;
  partnerFindings: string | null;
  auditTrail: AuditEntry[];
  partnerRequests: PartnerRequest[];
  replacementOrders: Replacement[];
  onsiteVisits: CaseVisit[];
  comments: CaseComment[];
  attachments: CaseAttachment[];
};

export const CASE_QUERY = `
  query Case($id: ID!) {
    incident(id: $id) {
      ${CASE_SUMMARY}
      respondedBy resolvedAt resolution closedAt workaround fixExpectedInRelease rootCauseKind rootCauseReference causedByPartner partnerFindings
      auditTrail { at actor action fromStatus toStatus note }
      partnerRequests { id partner trackingNumber status partnerStatus openedAt closedAt updates { partnerStatus note reportedAt } }
      replacementOrders { ${REPLACEMENT_FIELDS} }
      onsiteVisits { id status windowStart windowEnd releaseAt siteTimeZone technician { name } }
      comments { id body author createdAt }
      attachments { id fileName contentType kind size sha256 uploadedBy uploadedAt downloadUrl }
    }
  }`;

export type CaseData = { incident: CaseDetail | null };

export const OPEN_CASE = `
  mutation OpenCase($input: OpenIncidentInput!) {
    openIncident(input: $input) { id responseDueAt }
  }`;

export type OpenCaseData = { openIncident: { id: string; responseDueAt: string } };

export const COVERED_DEVICES_QUERY = `
  query CoveredDevices($customerId: ID!) {
    devices(customerId: $customerId) { id serialNumber productModel site { name } entitlement { covered } }
  }`;

export type CoveredDevicesData = {
  devices: { id: string; serialNumber: string; productModel: string; site: { name: string }; entitlement: { covered: boolean } }[];
};
