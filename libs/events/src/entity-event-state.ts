/**
 * What an event says about the state of the entity it is keyed by, as of the event: its version
 * after the event, the fields the event changed, and its own fields (as the GraphQL API shows
 * them: field names, ISO 8601 dates, enum names). Spread into the payload of every event about an
 * entity that has a version, so a subscriber or a webhook receiver is told the entity as it was at
 * that event, never as it is by the time the delivery is made, and can order by version.
 */
export type EntityEventState = {
  /** The entity's version after the event (a change increments it; other events repeat it). */
  version: number;
  /** API field names the event changed; empty when it changed none of the entity's own fields. */
  changed: string[];
  /** The entity's own fields as of the event, by API field name. */
  snapshot: Record<string, unknown>;
};

/** A value as GraphQL serialises it: dates as ISO 8601, the rest as is. */
function asApiValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** The state of `entity` for an event: `fields` are the entity's own API fields, `changed` those the event changed. */
export function entityEventState<T extends { version: number }>(
  entity: T,
  fields: readonly (keyof T & string)[],
  changed: readonly string[] = [],
): EntityEventState {
  const snapshot: Record<string, unknown> = {};
  for (const field of fields) snapshot[field] = asApiValue(entity[field] ?? null);
  return { version: entity.version, changed: changed.filter((field) => fields.includes(field as keyof T & string)), snapshot };
}

/** Decodes the entity state an event payload carries; null for an event that carries none (older events, other topics). */
export function decodeEntityEventState(payload: unknown): EntityEventState | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { version, changed, snapshot } = payload as Record<string, unknown>;
  if (typeof version !== 'number' || !Number.isInteger(version)) return null;
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) return null;
  const names = Array.isArray(changed) ? changed.filter((name): name is string => typeof name === 'string') : [];
  return { version, changed: names, snapshot: snapshot as Record<string, unknown> };
}
