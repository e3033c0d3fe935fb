import { registerEnumType } from 'type-graphql';

export enum ShipmentStatus {
  CREATED = 'CREATED',
  PICKED_UP = 'PICKED_UP',
  IN_TRANSIT = 'IN_TRANSIT',
  CUSTOMS_HOLD = 'CUSTOMS_HOLD',
  DELIVERED = 'DELIVERED',
  EXCEPTION = 'EXCEPTION',
}

registerEnumType(ShipmentStatus, { name: 'ShipmentStatus' });

// What a carrier can report next; DELIVERED is final, and nothing is delivered before pick-up.
const NEXT: Record<ShipmentStatus, ShipmentStatus[]> = {
  CREATED: [ShipmentStatus.PICKED_UP, ShipmentStatus.EXCEPTION],
  PICKED_UP: [ShipmentStatus.IN_TRANSIT, ShipmentStatus.CUSTOMS_HOLD, ShipmentStatus.DELIVERED, ShipmentStatus.EXCEPTION],
  IN_TRANSIT: [ShipmentStatus.IN_TRANSIT, ShipmentStatus.CUSTOMS_HOLD, ShipmentStatus.DELIVERED, ShipmentStatus.EXCEPTION],
  CUSTOMS_HOLD: [ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED, ShipmentStatus.EXCEPTION],
  EXCEPTION: [ShipmentStatus.IN_TRANSIT, ShipmentStatus.CUSTOMS_HOLD, ShipmentStatus.DELIVERED, ShipmentStatus.EXCEPTION],
  DELIVERED: [],
};

export function canMove(from: ShipmentStatus, to: ShipmentStatus): boolean {
  return NEXT[from].includes(to);
}
