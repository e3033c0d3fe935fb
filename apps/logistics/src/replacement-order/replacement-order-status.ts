import { registerEnumType } from 'type-graphql';

export enum ReplacementOrderStatus {
  ORDERED = 'ORDERED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ReplacementOrderStatus, { name: 'ReplacementOrderStatus' });
