import { registerEnumType } from 'type-graphql';

export enum ReplacementOrderStatus {
  /** Stock reserved at a depot; ships on the planned ship date. */
  ORDERED = 'ORDERED',
  /** No depot serving the destination has the part in stock. */
  BACKORDERED = 'BACKORDERED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ReplacementOrderStatus, { name: 'ReplacementOrderStatus' });
