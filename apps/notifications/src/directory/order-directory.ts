import { sendDocument, serviceDocument, type SubgraphClient } from '@polyplus/subgraph-kit';

/** A replacement order as a parts mail describes it. */
export type OrderFacts = {
  id: string;
  incidentId: string;
  partNumber: string;
  partName: string | null;
  quantity: number;
  status: string;
  expectedDelivery: string | null;
  expectedDeliveryAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  shippedOn: string | null;
  deliveredAt: string | null;
  returnId: string | null;
  returnDueDate: string | null;
  returnLateFrom: string | null;
  returnStatus: string | null;
};

type OrderReply = {
  id: string;
  partNumber: string;
  quantity: number;
  status: string;
  expectedDelivery: string | null;
  expectedDeliveryAt: string | null;
  incident: { id: string };
  part: { name: string } | null;
  shipment: { carrier: string; trackingNumber: string; shippedOn: string; deliveredAt: string | null } | null;
  defectiveReturn: { id: string; dueDate: string; lateFrom: string; status: string } | null;
};

export const ORDER_FACTS = serviceDocument<{ replacementOrder: OrderReply | null }, { id: string }>(
  'logistics',
  'query OrderFacts($id: ID!) { replacementOrder(id: $id) { id partNumber quantity status expectedDelivery expectedDeliveryAt incident { id } part { name } shipment { carrier trackingNumber shippedOn deliveredAt } defectiveReturn { id dueDate lateFrom status } } }',
);

/** Replacement orders, shipments and returns from the logistics subgraph. */
export class OrderDirectory {
  constructor(private readonly logistics: SubgraphClient) {}

  async orderFacts(orderId: string): Promise<OrderFacts | null> {
    const { replacementOrder: order } = await sendDocument(this.logistics, ORDER_FACTS, { id: orderId });
    if (!order) return null;
    return {
      id: order.id,
      incidentId: order.incident.id,
      partNumber: order.partNumber,
      partName: order.part?.name ?? null,
      quantity: order.quantity,
      status: order.status,
      expectedDelivery: order.expectedDelivery,
      expectedDeliveryAt: order.expectedDeliveryAt,
      carrier: order.shipment?.carrier ?? null,
      trackingNumber: order.shipment?.trackingNumber ?? null,
      shippedOn: order.shipment?.shippedOn ?? null,
      deliveredAt: order.shipment?.deliveredAt ?? null,
      returnId: order.defectiveReturn?.id ?? null,
      returnDueDate: order.defectiveReturn?.dueDate ?? null,
      returnLateFrom: order.defectiveReturn?.lateFrom ?? null,
      returnStatus: order.defectiveReturn?.status ?? null,
    };
  }
}
