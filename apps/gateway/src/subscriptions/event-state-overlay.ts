import type { GraphQLFormattedError } from 'graphql';
import { eventOf, INCIDENT_TOPICS, type EntityEventState, type ProductEvent } from '@polyplus/events';
import type { FieldKey } from './delivery-plan';

type Data = Record<string, unknown>;

const INCIDENT_TOPIC_LIST = Object.values(INCIDENT_TOPICS);

/**
 * The state of the case an incident event recorded (its version, the fields it changed, its own
 * fields); null for events written before it was kept, and for other topics, which record none.
 */
export function recordedState(event: ProductEvent): EntityEventState | null {
  const { version, changed = [], snapshot } = eventOf(event, ...INCIDENT_TOPIC_LIST)?.payload ?? {};
  return version !== undefined && snapshot !== undefined ? { version, changed, snapshot } : null;
}

/**
 * The entity as read, with its own fields set to what the event recorded: whatever happened to
 * the entity after the event (or while the delivery waited) does not show in it. A field the
 * subscriber could not read (null with an error at its path) stays as the read answered it, so
 * the snapshot never widens what a subscriber sees.
 */
export function overlayOwnFields(
  entity: Data,
  entityKey: string,
  ownFields: FieldKey[],
  state: EntityEventState | null,
  errors: readonly GraphQLFormattedError[] = [],
): Data {
  if (!state) return entity;
  const refused = new Set(
    errors.filter((error) => error.path?.[0] === entityKey && error.path.length === 2).map((error) => String(error.path?.[1])),
  );
  const result = { ...entity };
  for (const { responseKey, name } of ownFields) {
    if (name in state.snapshot && responseKey in entity && !refused.has(responseKey)) result[responseKey] = state.snapshot[name];
  }
  return result;
}

/** The filter facts (unaliased field names) as of the event. */
export function overlayCheck(check: Data, state: EntityEventState | null): Data {
  if (!state) return check;
  const result = { ...check };
  for (const name of Object.keys(check)) if (name in state.snapshot) result[name] = state.snapshot[name];
  return result;
}

/** The `event` object of a payload, with the fields the subscription selected. */
export function eventObject(fields: FieldKey[], event: ProductEvent, state: EntityEventState | null): Data {
  const values: Data = {
    __typename: 'SubscriptionEvent',
    id: event.id,
    type: event.topic,
    at: event.occurredAt,
    version: state?.version ?? null,
    changed: state?.changed ?? [],
  };
  return Object.fromEntries(fields.map(({ responseKey, name }) => [responseKey, values[name] ?? null]));
}
