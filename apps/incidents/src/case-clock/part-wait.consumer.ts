import type { DataSource, EntityManager } from 'typeorm';
import { eventOf, REPLACEMENT_TOPICS, type ProcessedEvents, type ProductEvent } from '@polyplus/events';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Incident } from '../incident/incident.entity';
import { appendAudit } from '../incident/incident-change';
import { backdatePause, closePause, openPause, pauseOfSource, recordEndedWait, type PauseOpening } from './clock-pauses';
import { IncidentConsumedEvent } from './consumed-event.entity';
import { PauseReason, PauseSource } from './pause-reason';

/** Logistics' topics about a case's replacement part. */
export const PART_TOPICS = [REPLACEMENT_TOPICS.ordered, REPLACEMENT_TOPICS.delivered] as const;

/** The consumer group that pauses resolution clocks on replacement orders. */
export const PART_WAIT_GROUP = 'incidents-part-wait';

type PartEvent = { orderId: string; incidentId: string; at: Date; delivered: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What this consumer acts on in a decoded part event; null for ids that name no case of this service. */
export function partEventOf(event: ProductEvent): PartEvent | null {
  const part = eventOf(event, ...PART_TOPICS);
  if (!part) return null;
  const { orderId, incidentId } = part.payload;
  if (!UUID.test(orderId) || !UUID.test(incidentId)) return null;
  const delivered = part.topic === REPLACEMENT_TOPICS.delivered;
  const at = new Date(part.topic === REPLACEMENT_TOPICS.delivered ? part.payload.deliveredAt : event.occurredAt);
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
 * closes it (at the delivery), in whichever order the two are handled. Exactly once per event id:
 * the id is stored in the transaction that writes the pause, and an order has one pause.
 */
export function partWaitHandler(dataSource: DataSource, now: () => Date = () => new Date()) {
  return async (event: ProductEvent): Promise<void> => {
    const part = partEventOf(event);
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
  // The case's row lock orders the events of its orders even when two processes handle them at once.
  const incident = await manager.findOne(Incident, { where: { id: part.incidentId }, lock: { mode: 'pessimistic_write' } });
  if (!incident) return;
  const wait = {
    incident,
    reason: PauseReason.WAITING_ON_PART,
    source: PauseSource.REPLACEMENT_ORDER,
    sourceId: part.orderId,
    at: part.at,
    by: 'system',
  };
  const changed = part.delivered
    ? await applyDelivery(manager, { ...wait, note: 'replacement part delivered' })
    : await applyOrder(manager, { ...wait, note: `replacement order ${part.orderId}` });
  if (!changed) return;
  await appendAudit(manager, {
    incidentId: incident.id,
    actor: 'system',
    action: part.delivered ? 'PART_DELIVERED' : 'WAITING_ON_PART',
    at: part.at,
    note: `replacement order ${part.orderId}`,
  });
}

type PartWait = PauseOpening & { sourceId: string };

/**
 * The delivery ends the order's wait. Handled before the order itself (another process took the
 * order's event), it is kept as a wait that ended at the delivery; the order then dates its start.
 */
async function applyDelivery(manager: EntityManager, wait: PartWait): Promise<boolean> {
  if (await closePause(manager, wait)) return true;
  if (await pauseOfSource(manager, wait.incident.id, wait.reason, wait.sourceId)) return false; // delivered before: a repeat
  await recordEndedWait(manager, wait);
  return true;
}

/** The order opens the case's wait for the part, or dates the start of one whose delivery came first. */
async function applyOrder(manager: EntityManager, wait: PartWait): Promise<boolean> {
  const earlier = await pauseOfSource(manager, wait.incident.id, wait.reason, wait.sourceId);
  if (!earlier) return (await openPause(manager, wait)) !== null;
  return (await backdatePause(manager, wait.incident, earlier, wait.at)) !== null;
}
