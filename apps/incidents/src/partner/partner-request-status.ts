import { registerEnumType } from 'type-graphql';

export enum PartnerRequestStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

registerEnumType(PartnerRequestStatus, { name: 'PartnerRequestStatus' });
