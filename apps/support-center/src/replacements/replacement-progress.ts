import type { Replacement } from './replacement-documents';

export type Step = { key: string; label: string; state: 'done' | 'current' | 'next' };

/** Ordered → shipped → delivered → defective part back: where the replacement stands. */
export function replacementSteps(order: Pick<Replacement, 'status' | 'shipment' | 'defectiveReturn'>): Step[] {
  const shipped = order.status === 'SHIPPED' || order.status === 'DELIVERED';
  const delivered = order.status === 'DELIVERED';
  const returned = order.defectiveReturn ? order.defectiveReturn.status !== 'EXPECTED' : false;
  const reached = [true, shipped, delivered, returned];
  const labels = [order.status === 'BACKORDERED' ? 'Back-ordered' : 'Ordered', 'Shipped', 'Delivered', 'Defective part returned'];
  const keys = ['ordered', 'shipped', 'delivered', 'returned'];
  const firstOpen = reached.indexOf(false);
  return labels.map((label, index) => ({
    key: keys[index],
    label,
    state: reached[index] ? 'done' : index === firstOpen ? 'current' : 'next',
  }));
}

/** Replacements still moving come first, then by order time, newest first. */
export function inFlightFirst<T extends { order: Pick<Replacement, 'status' | 'orderedAt'> }>(items: T[]): T[] {
  const settled = (status: string) => (status === 'DELIVERED' || status === 'CANCELLED' ? 1 : 0);
  return [...items].sort((a, b) => settled(a.order.status) - settled(b.order.status) || b.order.orderedAt.localeCompare(a.order.orderedAt));
}
