import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { appendToOutbox, INCIDENT_TOPICS } from '@polyplus/events';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Incident } from '../incident/incident.entity';
import { incidentEventState } from '../incident/incident-event-state';
import { IncidentClockPause } from './clock-pause.entity';
import { PauseReason, PauseSource } from './pause-reason';
import { caseEventIds } from '../incident/case-event-ids';

export type PauseOpening = {
  incident: Pick<Incident, 'id' | 'customerId'>;
  reason: PauseReason;
  source: PauseSource;
  /** The partner request or replacement order behind the pause. */
  sourceId?: string | null;
  at: Date;
  /** `<ROLE>:<subject>` of the verified caller, or `system`. */
  by: string;
  note?: string | null;
};

export type PauseClosing = Omit<PauseOpening, 'incident' | 'source'> & { incident: Pick<Incident, 'id' | 'customerId'> };

/** While open, a pause holds this key: one open pause per case, reason and source. */
function openKeyOf(incidentId: string, reason: PauseReason, sourceId: string | null | undefined): string {
  return `${incidentId}|${reason}|${sourceId ?? ''}`;
}

/** A new pause row: open (no end, its open key held) or already closed. */
function pauseRow(opening: PauseOpening, ending: Pick<IncidentClockPause, 'endedAt' | 'closedBy' | 'openKey'>): IncidentClockPause {
  return {
    id: randomUUID(),
    incidentId: opening.incident.id,
    reason: opening.reason,
    source: opening.source,
    sourceId: opening.sourceId ?? null,
    startedAt: opening.at,
    openedBy: opening.by,
    note: opening.note ?? null,
    closeNote: null,
    ...ending,
  };
}

/**
 * Opens a pause of the case's resolution clock in the caller's transaction and publishes
 * `incident.clock-paused`. Returns null, writing nothing, when the same pause is already open
 * (a repeated request or a re-delivered event).
 */
export async function openPause(manager: EntityManager, opening: PauseOpening): Promise<IncidentClockPause | null> {
  const openKey = openKeyOf(opening.incident.id, opening.reason, opening.sourceId);
  if (await manager.existsBy(IncidentClockPause, { openKey })) return null;
  const pause = Object.assign(new IncidentClockPause(), pauseRow(opening, { endedAt: null, closedBy: null, openKey }));
  try {
    await manager.insert(IncidentClockPause, pause);
  } catch (error) {
    // A concurrent opening of the same pause won: it is open, which is what was asked.
    if (isDuplicateEntry(error)) return null;
    throw error;
  }
  await publishPauseEvent(manager, INCIDENT_TOPICS.clockPaused, opening.incident, pause, opening.at);
  return pause;
}

/**
 * Closes the open pause of that reason (and source) in the caller's transaction and publishes
 * `incident.clock-resumed`; null when none is open. A pause never ends before it began.
 */
export async function closePause(manager: EntityManager, closing: PauseClosing): Promise<IncidentClockPause | null> {
  const openKey = openKeyOf(closing.incident.id, closing.reason, closing.sourceId);
  const pause = await manager.findOne(IncidentClockPause, { where: { openKey }, lock: { mode: 'pessimistic_write' } });
  if (!pause) return null;
  const endedAt = new Date(Math.max(closing.at.getTime(), pause.startedAt.getTime()));
  await manager.update(
    IncidentClockPause,
    { id: pause.id },
    { endedAt, closedBy: closing.by, closeNote: closing.note ?? null, openKey: null },
  );
  Object.assign(pause, { endedAt, closedBy: closing.by, closeNote: closing.note ?? null, openKey: null });
  await publishPauseEvent(manager, INCIDENT_TOPICS.clockResumed, closing.incident, pause, endedAt);
  return pause;
}

/** Records a pause that already ended (the time a resolved case waited before it was reopened). */
export async function recordClosedPause(manager: EntityManager, opening: PauseOpening & { endedAt: Date }): Promise<void> {
  if (opening.endedAt <= opening.at) return;
  await insertClosedPause(manager, opening, opening.endedAt);
}

function insertClosedPause(manager: EntityManager, opening: PauseOpening, endedAt: Date) {
  return manager.insert(IncidentClockPause, pauseRow(opening, { endedAt, closedBy: opening.by, openKey: null }));
}

/** The pause (open or closed) a source caused for this reason, read under a write lock; null when it has none. */
export function pauseOfSource(
  manager: EntityManager,
  incidentId: string,
  reason: PauseReason,
  sourceId: string,
): Promise<IncidentClockPause | null> {
  return manager.findOne(IncidentClockPause, {
    where: { incidentId, reason, sourceId },
    order: { startedAt: 'ASC' },
    lock: { mode: 'pessimistic_write' },
  });
}

/**
 * Records a wait whose end was learnt before its start (events of one source handled out of
 * order): a closed pause of no length at `at`, which `backdatePause` later stretches back to the start.
 */
export async function recordEndedWait(manager: EntityManager, opening: PauseOpening): Promise<void> {
  await insertClosedPause(manager, opening, opening.at);
}

/**
 * Moves the start of an already closed pause back to `at` (never past its end) and publishes
 * `incident.clock-paused` with the interval it now covers; null when `at` is not earlier.
 */
export async function backdatePause(
  manager: EntityManager,
  incident: Pick<Incident, 'id' | 'customerId'>,
  pause: IncidentClockPause,
  at: Date,
): Promise<IncidentClockPause | null> {
  if (!pause.endedAt || at >= pause.startedAt) return null;
  await manager.update(IncidentClockPause, { id: pause.id }, { startedAt: at });
  pause.startedAt = at;
  await publishPauseEvent(manager, INCIDENT_TOPICS.clockPaused, incident, pause, at);
  return pause;
}

export function pausesOf(manager: EntityManager, incidentId: string): Promise<IncidentClockPause[]> {
  return manager.find(IncidentClockPause, { where: { incidentId }, order: { startedAt: 'ASC', id: 'ASC' } });
}

export function openPausesOf(manager: EntityManager, incidentId: string): Promise<IncidentClockPause[]> {
  return manager.find(IncidentClockPause, { where: { incidentId, endedAt: IsNull() } });
}

async function publishPauseEvent(
  manager: EntityManager,
  topic: typeof INCIDENT_TOPICS.clockPaused | typeof INCIDENT_TOPICS.clockResumed,
  incident: Pick<Incident, 'id' | 'customerId'>,
  pause: IncidentClockPause,
  at: Date,
) {
  // The case as this transaction sees it: the state the pause event reports.
  const current = await manager.findOneBy(Incident, { id: incident.id });
  return appendToOutbox(manager, {
    topic,
    key: incident.id,
    occurredAt: at,
    payload: {
      ...caseEventIds(incident),
      pauseId: pause.id,
      reason: pause.reason,
      source: pause.source,
      sourceId: pause.sourceId,
      from: pause.startedAt.toISOString(),
      to: pause.endedAt?.toISOString() ?? null,
      ...(current ? incidentEventState(current) : {}),
    },
  });
}
