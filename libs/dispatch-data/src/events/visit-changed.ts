import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OutboxEvent, VISIT_CHANGED, type EventPayloadInput, type VisitChange } from '@polyplus/events';
import type { OnsiteVisit } from '../onsite-visit/onsite-visit.entity';

// Written as typed by the event contract: these rows bypass appendToOutbox for one multi-row INSERT.
type VisitChangedPayload = EventPayloadInput<typeof VISIT_CHANGED>;

type VisitState = Pick<
  OnsiteVisit,
  'id' | 'region' | 'incidentId' | 'customerId' | 'status' | 'technicianId' | 'windowStart' | 'windowEnd'
>;

export function visitChangedPayload(visit: VisitState, change: VisitChange, planVersion: number | null): VisitChangedPayload {
  return {
    visitId: visit.id,
    region: visit.region,
    incidentId: visit.incidentId,
    customerId: visit.customerId ?? null,
    status: visit.status,
    technicianId: visit.technicianId ?? null,
    windowStart: visit.windowStart?.toISOString() ?? null,
    windowEnd: visit.windowEnd?.toISOString() ?? null,
    planVersion,
    change,
  };
}

/**
 * Appends `visit.changed` events in the caller's transaction; one multi-row INSERT, because a
 * first plan of a large region changes every visit at once.
 */
export async function publishVisitChanges(
  manager: EntityManager,
  changes: { visit: VisitState; change: VisitChange }[],
  planVersion: number | null,
  at = new Date(),
): Promise<void> {
  const rows = changes.map(({ visit, change }) => ({
    id: randomUUID(),
    topic: VISIT_CHANGED,
    aggregateKey: visit.id,
    payload: JSON.stringify(visitChangedPayload(visit, change, planVersion)),
    occurredAt: at,
    publishedAt: null,
  }));
  for (let index = 0; index < rows.length; index += 500) await manager.insert(OutboxEvent, rows.slice(index, index + 500));
}
