import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { ProductEvent } from '@polyplus/events';
import type { DeliveryPlan } from './delivery-plan';
import { eventObject, overlayCheck, overlayOwnFields, recordedState } from './event-state-overlay';

/** What the supergraph answered to a delivery query. */
export type EntityReadResult = { data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The subscription payload for one event, or undefined when the subscriber gets nothing: the
 * entity is not visible to it (or no longer exists), or the filter does not hold. Nothing is sent
 * in those cases, not even an error, so a subscriber cannot learn that a hidden entity changed.
 * The entity's own fields and the filter facts are those the event recorded (see overlayOwnFields).
 */
export function deliveryResult(plan: DeliveryPlan, event: ProductEvent, answer: EntityReadResult): ExecutionResult | undefined {
  const data = answer.data;
  const check = data?.[plan.checkKey];
  const state = recordedState(event);
  if (!isObject(data) || !isObject(check) || !plan.field.matches(plan.args, overlayCheck(check, state))) return undefined;
  const payload: Record<string, unknown> = {};
  for (const key of plan.keys) {
    if (key.fill === 'typename') payload[key.responseKey] = plan.typeName;
    else if (key.fill === 'meta') payload[key.responseKey] = plan.field.metaValue(event);
    else if (key.fill === 'event') payload[key.responseKey] = eventObject(key.fields, event, state);
    else {
      const entity = data[key.responseKey];
      // The entity field is non-null: a read that failed as a whole is not worth a half delivery.
      if (!isObject(entity)) return undefined;
      payload[key.responseKey] = overlayOwnFields(entity, key.responseKey, key.ownFields, state, answer.errors);
    }
  }
  // Partial failures below the entity (one subgraph down) travel with the data, as for a query.
  const errors = (answer.errors ?? [])
    .filter((error) => error.path?.[0] !== plan.checkKey)
    .map(
      (error) =>
        new GraphQLError(error.message, { path: error.path ? [plan.rootKey, ...error.path] : undefined, extensions: error.extensions }),
    );
  return { data: { [plan.rootKey]: payload }, ...(errors.length > 0 ? { errors } : {}) };
}
