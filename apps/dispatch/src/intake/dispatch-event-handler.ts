import { serviceLogger } from '@polyplus/logger';
import type { EventEnvelope } from '@polyplus/events';
import { DomainError } from '@polyplus/subgraph-kit';
import { CLOSED_CASE_STATUSES, CONSUMED_TOPICS, type IncidentStatusPayload, type ReplacementEventPayload } from './dispatch-topics';
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
  return async (event: EventEnvelope): Promise<void> => {
    try {
      switch (event.topic) {
        case CONSUMED_TOPICS.replacementOrdered: {
          const order = event.payload as ReplacementEventPayload;
          const outcome = await intake.replacementOrdered(order, new Date(event.occurredAt));
          if (outcome !== 'CREATED' && outcome !== 'ALREADY_EXISTS')
            log(`[dispatch] no visit for replacement order ${order.orderId}: ${outcome}`);
          return;
        }
        case CONSUMED_TOPICS.replacementEtaChanged: {
          const order = event.payload as ReplacementEventPayload;
          await intake.releaseMoved(
            order.orderId,
            order.expectedDeliveryAt ? new Date(order.expectedDeliveryAt) : null,
            new Date(event.occurredAt),
          );
          return;
        }
        case CONSUMED_TOPICS.replacementDelivered: {
          const order = event.payload as ReplacementEventPayload;
          const deliveredAt = order.deliveredAt ?? order.expectedDeliveryAt;
          if (deliveredAt) await intake.releaseMoved(order.orderId, new Date(deliveredAt), new Date(event.occurredAt));
          return;
        }
        case CONSUMED_TOPICS.incidentStatusChanged: {
          const change = event.payload as IncidentStatusPayload;
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
