/** The fields of a domain event a webhook needs (the outbox envelope has them all). */
export type WebhookSourceEvent = { id: string; topic: string; occurredAt: string; payload: Record<string, unknown> };

/** What a partner receives: the event's id, type, time and data, nothing of our transport. */
export type WebhookPayload = { id: string; type: string; occurredAt: string; data: Record<string, unknown> };

export function webhookPayload(event: WebhookSourceEvent): WebhookPayload {
  return { id: event.id, type: event.topic, occurredAt: event.occurredAt, data: event.payload };
}

/** The idempotency key of one event for one endpoint: the `webhook-id` of every attempt. */
export function webhookIdempotencyKey(endpointId: string, eventId: string): string {
  return `${endpointId}:${eventId}`;
}
