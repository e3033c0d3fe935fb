import { serviceLogger } from '@polyplus/logger';
import { INCIDENT_TOPICS, REPLACEMENT_TOPICS, type ProductEvent } from '@polyplus/events';
import { DomainError } from '@polyplus/subgraph-kit';
import { CLOSED_CASE_STATUSES } from './dispatch-topics';
import type { VisitIntakeService } from './visit-intake.service';

/** Worth retrying: another service is unreachable or answered oddly. Anything else would fail again. */
function isTransient(error: unknown): boolean {
  return !(error instanceof DomainError) || error.code === 'SERVICE_UNAVAILABLE' || error.code === 'INTERNAL_SERVER_ERROR';
}

/**
 * Routes stream events to the intake. A transient failure throws (the entry stays pending and is
 * retried); a permanent one is logged and skipped, so one bad event cannot stall the stream.
 */
export function dispatchEventHandler(
  intake: VisitIntakeService,
  log: (message: string) => void = (message) => serviceLogger('intake').warn(message),
) {
  return async (event: ProductEvent): Promise<void> => {
    try {
      switch (event.topic) {
        case REPLACEMENT_TOPICS.ordered: {
          const order = event.payload;
          const outcome = await intake.replacementOrdered(order, new Date(event.occurredAt));
          if (outcome !== 'CREATED' && outcome !== 'ALREADY_EXISTS')
            log(`[dispatch] no visit for replacement order ${order.orderId}: ${outcome}`);
          return;
        }
        case REPLACEMENT_TOPICS.etaChanged: {
          const order = event.payload;
          await intake.releaseMoved(
            order.orderId,
            order.expectedDeliveryAt ? new Date(order.expectedDeliveryAt) : null,
            new Date(event.occurredAt),
          );
          return;
        }
        case REPLACEMENT_TOPICS.delivered: {
          const order = event.payload;
          const deliveredAt = order.deliveredAt;
          if (deliveredAt) await intake.releaseMoved(order.orderId, new Date(deliveredAt), new Date(event.occurredAt));
          return;
        }
        case INCIDENT_TOPICS.statusChanged: {
          const change = event.payload;
          if (CLOSED_CASE_STATUSES.includes(change.status)) await intake.cancelForIncident(change.incidentId);
          return;
        }
      }
    } catch (error) {
      if (isTransient(error)) throw error;
      log(`[dispatch] ${event.topic} ${event.id} skipped: ${(error as Error).message}`);
    }
  };
}
