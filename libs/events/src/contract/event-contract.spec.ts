import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../outbox/event-envelope';
import { checkedOutboxEvent } from '../outbox/append-to-outbox';
import { SAMPLE_EVENT_PAYLOADS, sampleEventPayload } from '../testing/sample-payloads';
import { decodeEvent, eventOf } from './decode-event';
import { decoderFor } from './event-decoder';
import { EVENT_PAYLOADS, EVENT_TOPIC_LIST, type EventTopic } from './event-payloads';
import { INCIDENT_TOPICS, REPLACEMENT_TOPICS, SECURITY_NOTICE_PUBLISHED, VISIT_CHANGED } from './event-topics';

/** An envelope as a consumer reads it off the stream: the payload has been through JSON. */
const onStream = (topic: string, payload: unknown): EventEnvelope<unknown> => ({
  id: randomUUID(),
  topic,
  key: 'k',
  source: 'test',
  occurredAt: '2026-03-04T10:00:00.000Z',
  payload: JSON.parse(JSON.stringify(payload)),
});

const reasonOf = (topic: string, payload: unknown): string => {
  const decoded = decodeEvent(onStream(topic, payload));
  if (decoded.ok) throw new Error(`${topic} decoded although malformed`);
  return decoded.reason;
};

describe('the event contract', () => {
  it('names every topic the product publishes', () => {
    expect([...EVENT_TOPIC_LIST].sort()).toEqual(
      [...Object.values(INCIDENT_TOPICS), ...Object.values(REPLACEMENT_TOPICS), VISIT_CHANGED, SECURITY_NOTICE_PUBLISHED].sort(),
    );
  });

  it.each(EVENT_TOPIC_LIST)('decodes a %s payload as its producer writes it, keeping the fields it does not name', (topic: EventTopic) => {
    const payload = { ...SAMPLE_EVENT_PAYLOADS[topic], addedLater: 'kept' };
    const decoded = decodeEvent(onStream(topic, payload));
    expect(decoded).toEqual({ ok: true, event: expect.objectContaining({ topic, payload }) });
  });

  it('keeps the envelope as read: its id, key and the trace context of the change that produced it', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const envelope = { ...onStream(VISIT_CHANGED, SAMPLE_EVENT_PAYLOADS[VISIT_CHANGED]), traceparent };
    expect(decodeEvent(envelope)).toEqual({ ok: true, event: { ...envelope, payload: SAMPLE_EVENT_PAYLOADS[VISIT_CHANGED] } });
  });

  it('reads a payload without a version as version 1, and one naming a version the contract lacks not at all', () => {
    const payload = SAMPLE_EVENT_PAYLOADS[VISIT_CHANGED];
    expect(decodeEvent(onStream(VISIT_CHANGED, { ...payload, v: 1 })).ok).toBe(true);
    expect(reasonOf(VISIT_CHANGED, { ...payload, v: 2 })).toBe('no schema version 2 for visit.changed');
    expect(reasonOf(VISIT_CHANGED, { ...payload, v: '1' })).toBe('no schema version "1" for visit.changed');
    for (const topic of EVENT_TOPIC_LIST) expect(Object.keys(EVENT_PAYLOADS[topic])).toContain('1');
  });

  it('refuses a malformed payload with a reason naming each field that failed', () => {
    expect(reasonOf(REPLACEMENT_TOPICS.delivered, sampleEventPayload(REPLACEMENT_TOPICS.delivered, { deliveredAt: undefined }))).toMatch(
      /^deliveredAt: .*expected string, received undefined/,
    );
    expect(reasonOf(VISIT_CHANGED, sampleEventPayload(VISIT_CHANGED, { windowStart: 'tomorrow', change: 'TELEPORTED' }))).toMatch(
      /windowStart: .*datetime.*; change: /,
    );
    expect(reasonOf(INCIDENT_TOPICS.opened, sampleEventPayload(INCIDENT_TOPICS.opened, { version: 1.5 }))).toMatch(/^version: /);
    expect(reasonOf(INCIDENT_TOPICS.statusChanged, [])).toBe('payload is not an object');
    expect(reasonOf('incident.teleported', {})).toBe('unknown topic "incident.teleported"');
  });

  it('refuses a security notice without a customer, with an unknown kind or severity, or not an object', () => {
    const notice = SAMPLE_EVENT_PAYLOADS[SECURITY_NOTICE_PUBLISHED];
    expect(reasonOf(SECURITY_NOTICE_PUBLISHED, { ...notice, customerId: '' })).toMatch(/^customerId: /);
    expect(reasonOf(SECURITY_NOTICE_PUBLISHED, { ...notice, kind: 'OUTAGE' })).toMatch(/^kind: /);
    expect(reasonOf(SECURITY_NOTICE_PUBLISHED, { ...notice, severity: 'SEVERE' })).toMatch(/^severity: /);
    expect(reasonOf(SECURITY_NOTICE_PUBLISHED, 'security-notice')).toBe('payload is not an object');
  });

  it('a decoded event narrows to the topics a handler follows', () => {
    const decoded = decodeEvent(onStream(REPLACEMENT_TOPICS.delivered, SAMPLE_EVENT_PAYLOADS[REPLACEMENT_TOPICS.delivered]));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(eventOf(decoded.event, REPLACEMENT_TOPICS.delivered)?.payload.deliveredAt).toBe('2026-03-05T09:00:00.000Z');
    expect(eventOf(decoded.event, REPLACEMENT_TOPICS.ordered)).toBeNull();
  });

  it('the decoder for a handler’s topics decodes those topics only, each refusal naming why', () => {
    const decode = decoderFor([VISIT_CHANGED, SECURITY_NOTICE_PUBLISHED]);
    const visit = decode(onStream(VISIT_CHANGED, SAMPLE_EVENT_PAYLOADS[VISIT_CHANGED]));
    expect(visit.ok && visit.event.payload.change).toBe('PLANNED');
    expect(decode(onStream(INCIDENT_TOPICS.opened, SAMPLE_EVENT_PAYLOADS[INCIDENT_TOPICS.opened]))).toEqual({
      ok: false,
      reason: 'topic "incident.opened" is not followed here',
    });
    expect(
      decode(onStream(SECURITY_NOTICE_PUBLISHED, { ...SAMPLE_EVENT_PAYLOADS[SECURITY_NOTICE_PUBLISHED], customerId: undefined })),
    ).toEqual({
      ok: false,
      reason: expect.stringMatching(/^customerId: /),
    });
  });

  it('a producer choosing its topic at run time has its payload checked before anything is written', () => {
    const payload = SAMPLE_EVENT_PAYLOADS[INCIDENT_TOPICS.severityChanged];
    expect(checkedOutboxEvent(INCIDENT_TOPICS.severityChanged, { key: 'k', payload })).toEqual({
      topic: INCIDENT_TOPICS.severityChanged,
      key: 'k',
      payload,
    });
    expect(() =>
      checkedOutboxEvent(INCIDENT_TOPICS.severityChanged, { key: 'k', payload: { ...payload, previousSeverity: undefined } }),
    ).toThrow(/^incident\.severity-changed payload refused by the event contract: previousSeverity: /);
  });
});
