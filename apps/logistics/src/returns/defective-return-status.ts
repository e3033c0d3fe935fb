import { registerEnumType } from 'type-graphql';

export enum DefectiveReturnStatus {
  /** Waiting for the defective part, within the 10-business-day window. */
  EXPECTED = 'EXPECTED',
  RECEIVED = 'RECEIVED',
  /** Not received in time: the customer was invoiced at list price. */
  INVOICED = 'INVOICED',
  /** Received after the invoice: a credit note cancelled it. */
  CREDITED = 'CREDITED',
}

registerEnumType(DefectiveReturnStatus, { name: 'DefectiveReturnStatus' });
