import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope, ProcessedEvents } from '@polyplus/events';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Incident } from '../incident/incident.entity';
import { appendAudit } from '../incident/incident-change';
import { closePause, openPause } from './clock-pauses';
import { IncidentConsumedEvent } from './consumed-event.entity';
import { PauseReason, PauseSource } from './pause-reason';

/** Logistics' topics about a case's replacement part (named, not imported: subgraphs meet through events). */
export const PART_TOPICS = { ordered: 'replacement.ordered', delivered: 'replacement.delivered' } as const;

/** The consumer group that pauses resolution clocks on replacement orders. */
export const PART_WAIT_GROUP = 'incidents-part-wait';

type PartEvent = { orderId: string; incidentId: string; at: Date; delivered: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes logistics' payload; null for anything this consumer cannot act on. */
export function decodePartEvent(event: EventEnvelope): PartEvent | null {
  const payload = event.payload as Record<string, unknown>;
  const { orderId, incidentId } = payload;
  if (typeof orderId !== 'string' || !UUID.test(orderId) || typeof incidentId !== 'string' || !UUID.test(incidentId)) return null;
  const delivered = event.topic === PART_TOPICS.delivered;
  const when = delivered && typeof payload.deliveredAt === 'string' ? payload.deliveredAt : event.occurredAt;
  const at = new Date(when);
  if (Number.isNaN(at.getTime())) return null;
  return { orderId, incidentId, at, delivered };
}

/** Events consumed with their effect: the id row is written in the effect's transaction. */
export function consumedEvents(dataSource: DataSource): ProcessedEvents {
  return {
    has: (eventId) => dataSource.getRepository(IncidentConsumedEvent).existsBy({ eventId }),
    // The handler stored the id with its effect; skipped topics need no record.
    add: async () => undefined,
  };
}

/**
 * While a replacement part ordered for a case is not yet delivered, the case waits on the part:
 * `replacement.ordered` opens a WAITING_ON_PART pause (from the order), `replacement.delivered`
 * closes it (at the delivery). Exactly once per event id: the id is stored in the transaction
 * that writes the pause, and the pause itself is unique per order while open.
 */
export function partWaitHandler(dataSource: DataSource, now: () => Date = () => new Date()) {
  return async (event: EventEnvelope): Promise<void> => {
    const part = decodePartEvent(event);
    await dataSource.transaction(async (manager) => {
      try {
        await manager.insert(IncidentConsumedEvent, { eventId: event.id, topic: event.topic, consumedAt: now() });
      } catch (error) {
        if (isDuplicateEntry(error)) return; // applied before: a re-delivery
        throw error;
      }
      if (part) await applyPartEvent(manager, part);
    });
  };
}

async function applyPartEvent(manager: EntityManager, part: PartEvent): Promise<void> {
  const incident = await manager.findOneBy(Incident, { id: part.incidentId });
  if (!incident) return;
  const common = { incident, reason: PauseReason.WAITING_ON_PART, sourceId: part.orderId, at: part.at, by: 'system' };
  const pause = part.delivered
    ? await closePause(manager, { ...common, note: 'replacement part delivered' })
    : await openPause(manager, { ...common, source: PauseSource.REPLACEMENT_ORDER, note: `replacement order ${part.orderId}` });
  if (!pause) return;
  await appendAudit(manager, {
    incidentId: incident.id,
    actor: 'system',
    action: part.delivered ? 'PART_DELIVERED' : 'WAITING_ON_PART',
    at: part.at,
    note: `replacement order ${part.orderId}`,
  });
}
