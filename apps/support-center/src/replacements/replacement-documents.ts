// Parts replacement: orders with their shipment, carrier tracking, the defective return and invoices.

export type TrackingEvent = { at: string; status: string; eta: string | null; note: string | null };

export type Invoice = { id: string; kind: 'INVOICE' | 'CREDIT_NOTE'; amount: string; currency: string; issuedAt: string };

export type Replacement = {
  id: string;
  partNumber: string;
  quantity: number;
  status: string;
  destinationCountry: string | null;
  orderReceivedAt: string | null;
  shipDate: string | null;
  expectedDelivery: string | null;
  expectedDeliveryAt: string | null;
  customerIsImporterOfRecord: boolean;
  customerFreightCharge: string;
  backorderReason: string | null;
  orderedAt: string;
  returnDueAt: string | null;
  part: { name: string } | null;
  shipment: {
    carrier: string;
    trackingNumber: string;
    partSerialNumber: string;
    status: string;
    shippedOn: string;
    deliveredAt: string | null;
    events: TrackingEvent[];
  } | null;
  defectiveReturn: { id: string; dueDate: string; lateFrom: string; status: string; receivedAt: string | null; invoices: Invoice[] } | null;
};

export const REPLACEMENT_FIELDS = `
  id partNumber quantity status destinationCountry orderReceivedAt shipDate expectedDelivery expectedDeliveryAt
  customerIsImporterOfRecord customerFreightCharge backorderReason orderedAt returnDueAt
  part { name }
  shipment { carrier trackingNumber partSerialNumber status shippedOn deliveredAt events { at status eta note } }
  defectiveReturn { id dueDate lateFrom status receivedAt invoices { id kind amount currency issuedAt } }`;

export type CaseReplacements = {
  id: string;
  summary: string;
  severity: number;
  status: string;
  device: { serialNumber: string; productModel: string; site: { name: string; timeZone: string } };
  replacementOrders: Replacement[];
};

export const REPLACEMENTS_QUERY = `
  query Replacements($customerId: ID!) {
    incidents(customerId: $customerId) {
      id summary severity status
      device { serialNumber productModel site { name timeZone } }
      replacementOrders { ${REPLACEMENT_FIELDS} }
    }
  }`;

export type ReplacementsData = { incidents: CaseReplacements[] };
