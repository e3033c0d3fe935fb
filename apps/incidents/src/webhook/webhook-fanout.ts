import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { ProductEvent } from '@polyplus/events';
import { withTraceparent } from '@polyplus/telemetry';
import { webhookIdempotencyKey, webhookPayload } from '@polyplus/webhooks';
import { Incident } from '../incident/incident.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryStatus } from './webhook-delivery-status';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointStatus } from './webhook-endpoint-status';
import { isWebhookEventType } from './webhook-event-types';
import { DELIVER_WEBHOOK, WEBHOOK_BACKOFF, webhookJobId, type WebhookDeliveryJob } from './webhook-queue';

/**
 * The customer an event concerns: named in its payload, or, for events about a case published by
 * another service (a replacement order), the customer of that case. Unknown → no one receives it.
 */
async function customerOf(dataSource: DataSource, event: ProductEvent): Promise<string | null> {
  // Every topic's payload names the customer, the case, or both (a visit may name no customer).
  const { customerId, incidentId }: { customerId?: string | null; incidentId?: string } = event.payload;
  if (customerId) return customerId;
  if (!incidentId) return null;
  const incident = await dataSource.getRepository(Incident).findOne({ where: { id: incidentId }, select: { id: true, customerId: true } });
  return incident?.customerId ?? null;
}

export type WebhookFanoutOptions = { maxAttempts: number; now?: () => Date };

/**
 * Turns a stream event into one delivery per active endpoint that subscribed to its type and
 * whose partner the event's customer authorised: a UNIQUE (endpoint, event) row, then a job whose
 * id is derived from the same pair. A re-sent event or a re-run handler inserts nothing new and
 * adds no second job; a delivery already settled is never sent again (the worker checks the row).
 */
export function webhookFanout(dataSource: DataSource, queue: Queue<WebhookDeliveryJob>, options: WebhookFanoutOptions) {
  const now = options.now ?? (() => new Date());
  return async (event: ProductEvent): Promise<void> => {
    if (!isWebhookEventType(event.topic)) return;
    const customerId = await customerOf(dataSource, event);
    if (!customerId) return;
    // Few endpoints per deployment: filtering in memory keeps the JSON columns portable.
    const endpoints = (await dataSource.getRepository(WebhookEndpoint).findBy({ status: WebhookEndpointStatus.ACTIVE })).filter(
      (endpoint) => endpoint.eventTypes.includes(event.topic) && endpoint.customerIds.includes(customerId),
    );
    if (endpoints.length === 0) return;
    const body = JSON.stringify(webhookPayload(event));
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(WebhookDelivery)
      .values(
        endpoints.map((endpoint) => ({
          id: randomUUID(),
          endpointId: endpoint.id,
          eventId: event.id,
          eventType: event.topic,
          idempotencyKey: webhookIdempotencyKey(endpoint.id, event.id),
          body,
          status: WebhookDeliveryStatus.PENDING,
          attemptCount: 0,
          createdAt: now(),
        })),
      )
      .orIgnore()
      .execute();
    await queue.addBulk(
      endpoints.map((endpoint) => ({
        name: DELIVER_WEBHOOK,
        // Each delivery joins the trace of the event it carries (this consumer's span).
        data: withTraceparent({ endpointId: endpoint.id, eventId: event.id }),
        opts: {
          jobId: webhookJobId(endpoint.id, event.id),
          attempts: options.maxAttempts,
          backoff: { type: WEBHOOK_BACKOFF },
          removeOnComplete: 1_000,
          removeOnFail: 5_000,
        },
      })),
    );
  };
}
