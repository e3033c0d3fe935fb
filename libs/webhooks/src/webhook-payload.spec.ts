import { webhookIdempotencyKey, webhookPayload } from './webhook-payload';

describe('webhook payload', () => {
  it('a delivery carries the event’s id, type, time and data, and nothing of the transport', () => {
    const event = {
      id: 'e1',
      topic: 'incident.opened',
      key: 'i1',
      source: 'incidents',
      occurredAt: '2026-11-24T12:00:00.000Z',
      payload: { incidentId: 'i1' },
    };
    expect(webhookPayload(event)).toEqual({
      id: 'e1',
      type: 'incident.opened',
      occurredAt: '2026-11-24T12:00:00.000Z',
      data: { incidentId: 'i1' },
    });
  });

  it('the idempotency key names the endpoint and the event', () => {
    expect(webhookIdempotencyKey('ep', 'ev')).toBe('ep:ev');
  });
});
