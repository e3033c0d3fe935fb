import type { DataSource, EntityManager } from 'typeorm';
import { appendToOutbox, checkedOutboxEvent, type IncidentTopic } from '@polyplus/events';
import { actorOf, type Principal } from '@polyplus/auth';
import { conflict, notFound } from '@polyplus/subgraph-kit';
import { Incident } from './incident.entity';
import { IncidentAuditEntry } from './incident-audit-entry.entity';
import type { IncidentStatus } from './incident-status';
import { incidentEventState } from './incident-event-state';

export type IncidentChange = {
  incidentId: string;
  expectedVersion: number;
  /** The verified caller (`actorOf(principal)`), never a name the caller typed. */
  actor: string;
  /** A name the caller typed for itself: shown in the note, never the actor. */
  actorName?: string | null;
  action: string;
  note?: string | null;
  topic: IncidentTopic;
  /** Validates against the current case and returns the columns to change. */
  apply(incident: Incident): Partial<Incident>;
  /** Extra event payload beyond the case's id, customer, status and version. */
  payload?: (incident: Incident) => Record<string, unknown>;
  /** Further writes of the same change (history rows, clock pauses), in its transaction after the update. */
  also?: (manager: EntityManager, before: Incident, after: Incident) => Promise<void>;
};

/** Which version of which case a caller changes, from the change's input: the caller is the actor, a typed name only its display name. */
export function changeBy(
  input: { incidentId: string; expectedVersion: number; engineer?: string | null },
  by: Principal,
): Pick<IncidentChange, 'incidentId' | 'expectedVersion' | 'actor' | 'actorName'> {
  return { incidentId: input.incidentId, expectedVersion: input.expectedVersion, actor: actorOf(by), actorName: input.engineer };
}

export type AuditLine = {
  incidentId: string;
  actor: string;
  actorName?: string | null;
  action: string;
  at: Date;
  fromStatus?: IncidentStatus | null;
  toStatus?: IncidentStatus | null;
  note?: string | null;
};

/** A display name the caller typed (the deprecated `engineer` input), trimmed; blank is none. */
function displayName(typed: string | null | undefined): string | null {
  return typed?.trim() || null;
}

/** The note of an audit line: the free text, then any name the caller typed for itself, marked as such. */
export function auditNote(note: string | null | undefined, actorName: string | null | undefined): string | null {
  const name = displayName(actorName);
  if (!name) return note ?? null;
  return note ? `${note} [engineer: ${name}]` : `[engineer: ${name}]`;
}

export function appendAudit(manager: EntityManager, line: AuditLine): Promise<unknown> {
  return manager.insert(IncidentAuditEntry, {
    incidentId: line.incidentId,
    at: line.at,
    actor: line.actor,
    action: line.action,
    fromStatus: line.fromStatus ?? null,
    toStatus: line.toStatus ?? null,
    note: auditNote(line.note, line.actorName),
  });
}

/**
 * One change of a case in one transaction: a conditional UPDATE on the expected version (a
 * concurrent change makes it match no row → CONFLICT), an audit line and the outbox event.
 */
export function changeIncident(dataSource: DataSource, change: IncidentChange, at: Date): Promise<Incident> {
  return dataSource.transaction(async (manager) => {
    const current = await manager.findOneBy(Incident, { id: change.incidentId });
    if (!current) throw notFound('Incident', change.incidentId);
    if (current.version !== change.expectedVersion) {
      throw conflict(`Incident ${change.incidentId} is at version ${current.version}, not ${change.expectedVersion}: reload and retry`);
    }
    const patch = change.apply(current);
    const result = await manager
      .createQueryBuilder()
      .update(Incident)
      .set({ ...patch, version: () => '`version` + 1' })
      .where('id = :id AND version = :version', { id: current.id, version: change.expectedVersion })
      .execute();
    if (result.affected !== 1) throw conflict(`Incident ${change.incidentId} was changed concurrently: reload and retry`);
    const updated = Object.assign(new Incident(), current, patch, { version: current.version + 1 });
    await change.also?.(manager, current, updated);
    await appendAudit(manager, {
      incidentId: current.id,
      actor: change.actor,
      actorName: change.actorName,
      action: change.action,
      at,
      fromStatus: patch.status ? current.status : null,
      toStatus: patch.status ?? null,
      note: change.note,
    });
    // The topic is the caller's and so is part of the payload: checked against the contract here.
    await appendToOutbox(
      manager,
      checkedOutboxEvent(change.topic, {
        key: current.id,
        occurredAt: at,
        payload: {
          incidentId: current.id,
          customerId: current.customerId,
          status: updated.status,
          previousStatus: current.status,
          action: change.action,
          // The case as of this change (version, changed fields, own fields): deliveries show this state.
          ...incidentEventState(updated, Object.keys(patch)),
          ...change.payload?.(updated),
        },
      }),
    );
    return updated;
  });
}
