import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { decodedEvent, sampleEventPayload, type EventTopic, type ProductEvent } from '@polyplus/events';
import { SUPERGRAPH_PATH } from '../gateway';
import { planDelivery } from './delivery-plan';
import { deliveryResult } from './delivery-result';
import { decodeFollowedEvent, incidentUpdated, securityNoticePublished, visitChanged } from './subscription-fields';
import { buildSubscriptionSchema } from './subscription-schema';

const schema = buildSubscriptionSchema(readFileSync(SUPERGRAPH_PATH, 'utf8'));
const plan = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  return planDelivery(schema, document, undefined, variables);
};
const envelope = (topic: string, key: string, payload: Record<string, unknown>) => ({
  id: `${topic}-${key}`,
  topic,
  key,
  source: 'incidents',
  occurredAt: '2026-11-24T10:00:00.000Z',
  payload,
});
/** An event as the tail hands it on, decoded: a well-formed payload of its topic (no case snapshot unless given) with `fields` over it. */
const event = (topic: EventTopic, key: string, fields: Record<string, unknown> = {}): ProductEvent =>
  decodedEvent(envelope(topic, key, sampleEventPayload(topic, { version: undefined, changed: undefined, snapshot: undefined, ...fields })));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the subscription schema', () => {
  it('is the supergraph API schema with a subscription root: clients see no federation machinery', () => {
    expect(schema.getSubscriptionType()?.getFields()).toHaveProperty('incidentUpdated');
    expect(schema.getSubscriptionType()?.getFields()).toHaveProperty('visitChanged');
    expect(schema.getType('join__Graph')).toBeUndefined();
    expect(schema.getQueryType()?.getFields()).toHaveProperty('incident');
  });

  it('refuses a selection the supergraph does not have', () => {
    expect(validate(schema, parse('subscription { incidentUpdated { incident { noSuchField } } }'))[0]?.message).toContain('noSuchField');
  });
});

describe('planning a delivery query', () => {
  it('each incident selection becomes incident(id) under its own response key, with the fragments and variables it uses', () => {
    const delivery = plan(
      `subscription ($filter: IncidentUpdateFilter, $clock: Boolean!) {
        updates: incidentUpdated(filter: $filter) { topic ...Case brief: incident { id } }
      }
      fragment Case on IncidentUpdate { incident { status device { serialNumber } customer { name } replacementOrders { expectedDelivery } ...Clock } }
      fragment Clock on Incident { responseDueAt @include(if: $clock) }`,
      { filter: { severity: 2 }, clock: true },
    );
    expect(delivery.rootKey).toBe('updates');
    // Leaf fields without arguments are the case's own, answered from the event's snapshot.
    expect(delivery.keys).toEqual([
      { responseKey: 'topic', fill: 'meta' },
      {
        responseKey: 'incident',
        fill: 'entity',
        ownFields: [
          { responseKey: 'status', name: 'status' },
          { responseKey: 'responseDueAt', name: 'responseDueAt' },
        ],
      },
      { responseKey: 'brief', fill: 'entity', ownFields: [{ responseKey: 'id', name: 'id' }] },
    ]);
    expect(delivery.args).toEqual({ filter: { severity: 2 } });
    expect(delivery.variables).toEqual({ clock: true });
    expect(squash(delivery.query)).toBe(
      squash(`query incidentUpdatedDelivery($entityId: ID!, $clock: Boolean!) {
        incident(id: $entityId) { status device { serialNumber } customer { name } replacementOrders { expectedDelivery } ...Clock }
        brief: incident(id: $entityId) { id }
        subscriptionCheck: incident(id: $entityId) { id severity }
      }
      fragment Clock on Incident { responseDueAt @include(if: $clock) }`),
    );
  });

  it('a subscription asking only for the topic still reads the case, so visibility is checked for every event', () => {
    const delivery = plan('subscription { incidentUpdated { topic } }');
    expect(squash(delivery.query)).toBe(
      'query incidentUpdatedDelivery($entityId: ID!) { subscriptionCheck: incident(id: $entityId) { id } }',
    );
  });

  it('names chosen for the entity id and the check never collide with the subscriber’s own', () => {
    const delivery = plan('subscription ($entityId: ID) { visitChanged(incidentId: $entityId) { subscriptionCheck: visit { id } } }', {
      entityId: 'i1',
    });
    expect(delivery.idVariable).toBe('entityId2');
    expect(delivery.checkKey).toBe('subscriptionCheck2');
    expect(squash(delivery.query)).toContain('subscriptionCheck: onsiteVisit(id: $entityId2) { id }');
    expect(squash(delivery.query)).toContain('subscriptionCheck2: onsiteVisit(id: $entityId2) { id incident { id } }');
  });

  it('@skip and @include decide which payload fields are read', () => {
    const delivery = plan('subscription ($brief: Boolean!) { incidentUpdated { topic incident @skip(if: $brief) { summary } } }', {
      brief: true,
    });
    expect(delivery.keys).toEqual([{ responseKey: 'topic', fill: 'meta' }]);
  });
});

describe('turning the answer into a delivery', () => {
  const delivery = plan('subscription { mine: incidentUpdated(filter: { severity: 1 }) { __typename topic incident { status } } }');

  it('fills the payload in the requested order, with aliases, the event topic and the type name', () => {
    const answer = { data: { incident: { status: 'NEW' }, subscriptionCheck: { id: 'i1', severity: 1 } } };
    expect(deliveryResult(delivery, event('incident.opened', 'i1'), answer)).toEqual({
      data: { mine: { __typename: 'IncidentUpdate', topic: 'incident.opened', incident: { status: 'NEW' } } },
    });
  });

  it('a subscriber who may not see the case gets nothing, not even an error', () => {
    const hidden = {
      data: { incident: null, subscriptionCheck: null },
      errors: [{ message: 'Cannot return null for non-nullable field' }],
    };
    expect(deliveryResult(delivery, event('incident.opened', 'i1'), hidden)).toBeUndefined();
    expect(deliveryResult(delivery, event('incident.opened', 'i1'), { data: null })).toBeUndefined();
  });

  it('a case that does not pass the filter after the change is not delivered', () => {
    const answer = { data: { incident: { status: 'NEW' }, subscriptionCheck: { id: 'i1', severity: 2 } } };
    expect(deliveryResult(delivery, event('incident.opened', 'i1'), answer)).toBeUndefined();
  });

  it('a partial failure below the case travels with the data, its path under the subscription field', () => {
    const answer = {
      data: { incident: { status: null }, subscriptionCheck: { id: 'i1', severity: 1 } },
      errors: [{ message: 'down', path: ['incident', 'status'], extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    };
    const result = deliveryResult(delivery, event('incident.updated', 'i1'), answer);
    expect(result?.errors?.map((error) => ({ path: error.path, code: error.extensions.code }))).toEqual([
      { path: ['mine', 'incident', 'status'], code: 'SERVICE_UNAVAILABLE' },
    ]);
  });
});

describe('each delivery shows the case as of its own event', () => {
  const delivery = plan(
    'subscription { incidentUpdated(filter: { status: IN_PROGRESS }) { what: event { type at version changed } incident { state: status severity summary device { serialNumber } } } }',
  );
  const snapshot = { id: 'i1', status: 'IN_PROGRESS', severity: 2, summary: 'Camera dead' };
  const statusChanged = event('incident.status-changed', 'i1', { customerId: 'A', version: 4, changed: ['status'], snapshot });
  // Read after later changes: the case has since moved on to a workaround and been upgraded.
  const readLater = {
    data: {
      incident: { state: 'WORKAROUND_PROVIDED', severity: 1, summary: 'Camera dead', device: { serialNumber: 'S1' } },
      subscriptionCheck: { id: 'i1', status: 'WORKAROUND_PROVIDED' },
    },
  };

  it('the case’s own fields are the event’s, fields of other subgraphs as read, and the event itself is on the payload', () => {
    expect(deliveryResult(delivery, statusChanged, readLater)?.data).toEqual({
      incidentUpdated: {
        what: { type: 'incident.status-changed', at: '2026-11-24T10:00:00.000Z', version: 4, changed: ['status'] },
        incident: { state: 'IN_PROGRESS', severity: 2, summary: 'Camera dead', device: { serialNumber: 'S1' } },
      },
    });
  });

  it('the filter is judged on the case as of the event, not as it is when delivered', () => {
    expect(deliveryResult(delivery, statusChanged, readLater)).toBeDefined();
    const laterEvent = event('incident.status-changed', 'i1', {
      customerId: 'A',
      version: 5,
      changed: ['status'],
      snapshot: { ...snapshot, status: 'WORKAROUND_PROVIDED' },
    });
    const readEarlier = { data: { ...readLater.data, subscriptionCheck: { id: 'i1', status: 'IN_PROGRESS' } } };
    expect(deliveryResult(delivery, laterEvent, readEarlier)).toBeUndefined();
  });

  it('a field the subscriber could not read stays refused, and an event without a snapshot is delivered as read', () => {
    const refused = {
      data: { ...readLater.data, incident: { ...readLater.data.incident, summary: null } },
      errors: [{ message: 'no', path: ['incident', 'summary'] }],
    };
    expect(
      (deliveryResult(delivery, statusChanged, refused)?.data?.incidentUpdated as { incident: { summary: unknown } }).incident.summary,
    ).toBeNull();
    const older = event('incident.status-changed', 'i1', { customerId: 'A', status: 'IN_PROGRESS' });
    const readNow = { data: { ...readLater.data, subscriptionCheck: { id: 'i1', status: 'IN_PROGRESS' } } };
    expect(deliveryResult(delivery, older, readNow)?.data?.incidentUpdated).toMatchObject({
      what: { version: null, changed: [] },
      incident: { state: 'WORKAROUND_PROVIDED' },
    });
  });
});

describe('filters', () => {
  const customerA = { subject: 'a', role: 'CUSTOMER_ADMIN' as const, customerIds: ['A'] };
  const engineer = { subject: 'e', role: 'SUPPORT_ENGINEER' as const, customerIds: [] };

  it('an event about another customer is skipped for a customer subscriber before any look-up', () => {
    expect(incidentUpdated.mayMatch({}, event('incident.opened', 'i1', { customerId: 'B' }), customerA)).toBe(false);
    expect(incidentUpdated.mayMatch({}, event('incident.opened', 'i1', { customerId: 'A' }), customerA)).toBe(true);
    expect(incidentUpdated.mayMatch({}, event('incident.opened', 'i1', { customerId: 'B' }), engineer)).toBe(true);
    expect(incidentUpdated.mayMatch({ filter: { customerId: 'A' } }, event('incident.opened', 'i1', { customerId: 'B' }), engineer)).toBe(
      false,
    );
  });

  it('the partner filter matches a case the partner caused or one with a request open at the partner', () => {
    const args = { filter: { partner: 'ZOOM' } };
    expect(incidentUpdated.matches(args, { causedByPartner: 'ZOOM', partnerRequests: [] })).toBe(true);
    expect(incidentUpdated.matches(args, { causedByPartner: null, partnerRequests: [{ partner: 'ZOOM' }] })).toBe(true);
    expect(incidentUpdated.matches(args, { causedByPartner: 'WEBEX', partnerRequests: [{ partner: 'WEBEX' }] })).toBe(false);
  });

  it('status, severity and customer must all hold', () => {
    const args = { filter: { status: 'RESOLVED', severity: 2, customerId: 'A' } };
    expect(incidentUpdated.matches(args, { status: 'RESOLVED', severity: 2, customer: { id: 'A' } })).toBe(true);
    expect(incidentUpdated.matches(args, { status: 'NEW', severity: 2, customer: { id: 'A' } })).toBe(false);
    expect(incidentUpdated.matches(args, { status: 'RESOLVED', severity: 1, customer: { id: 'A' } })).toBe(false);
  });

  it('visit changes follow only visit.changed and narrow by region and case', () => {
    expect(visitChanged.follows('visit.changed')).toBe(true);
    expect(visitChanged.follows('incident.opened')).toBe(false);
    expect(visitChanged.mayMatch({ region: 'GB-S' }, event('visit.changed', 'v1', { region: 'GB-N' }), engineer)).toBe(false);
    expect(visitChanged.matches({ region: 'GB-S', incidentId: 'i1' }, { region: 'GB-S', incident: { id: 'i1' } })).toBe(true);
    expect(visitChanged.matches({ incidentId: 'i1' }, { region: 'GB-S', incident: { id: 'i2' } })).toBe(false);
    expect(visitChanged.metaValue(event('visit.changed', 'v1', { change: 'MOVED' }))).toBe('MOVED');
  });

  it('a security notice reaches a subscriber of the affected customer the event names, and not another customer’s', () => {
    const notice = (customerId: string) =>
      event('security-notice.published', 'n1', {
        noticeId: 'n1',
        customerId,
        kind: 'SECURITY',
        severity: 'HIGH',
        title: 'T',
        notifiedAt: '2026-11-24T10:00:00.000Z',
      });
    expect(securityNoticePublished.follows('security-notice.published')).toBe(true);
    expect(securityNoticePublished.follows('incident.opened')).toBe(false);
    expect(securityNoticePublished.mayMatch({}, notice('A'), customerA)).toBe(true);
    expect(securityNoticePublished.mayMatch({}, notice('B'), customerA)).toBe(false);
    expect(securityNoticePublished.mayMatch({ customerId: 'A' }, notice('B'), engineer)).toBe(false);
    // A notice naming no customer reaches no subscriber: the contract refuses it before any field sees it.
    expect(decodeFollowedEvent(envelope('security-notice.published', 'n1', { noticeId: 'n1' })).ok).toBe(false);
    expect(securityNoticePublished.metaValue(notice('B'))).toBe('B');
  });
});

describe('planning a security notice delivery', () => {
  it('the notice is re-read by id as the subscriber, so a customer it does not affect receives nothing', () => {
    const delivery = plan(
      'subscription { securityNoticePublished { customerId notice { title severity recipients { acknowledgedAt } } } }',
    );
    expect(squash(delivery.query)).toBe(
      squash(`query securityNoticePublishedDelivery($entityId: ID!) {
        notice: securityNotice(id: $entityId) { title severity recipients { acknowledgedAt } }
        subscriptionCheck: securityNotice(id: $entityId) { id }
      }`),
    );
    const notice = event('security-notice.published', 'n1', {
      noticeId: 'n1',
      customerId: 'A',
      kind: 'PRIVACY',
      severity: 'LOW',
      title: 'T',
      notifiedAt: '2026-11-24T10:00:00.000Z',
    });
    expect(deliveryResult(delivery, notice, { data: { notice: null, subscriptionCheck: null } })).toBeUndefined();
    expect(
      deliveryResult(delivery, notice, {
        data: { notice: { title: 'T', severity: 'LOW', recipients: [] }, subscriptionCheck: { id: 'n1' } },
      })?.data,
    ).toEqual({
      securityNoticePublished: { customerId: 'A', notice: { title: 'T', severity: 'LOW', recipients: [] } },
    });
  });
});
