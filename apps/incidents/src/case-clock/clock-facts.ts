import { In, type EntityManager } from 'typeorm';
import type { Incident } from '../incident/incident.entity';
import { IncidentClockPause } from './clock-pause.entity';
import { IncidentSeverityChange } from './severity-change.entity';

/** The stored facts of a case's clocks: the case, its severity changes and its pauses, oldest first. */
export type StoredClockFacts = { incident: Incident; severityChanges: IncidentSeverityChange[]; pauses: IncidentClockPause[] };

/** The stored facts of each case's clocks, read in two queries whatever the number of cases. */
export async function clockFactsOf(manager: EntityManager, incidents: readonly Incident[]): Promise<Map<string, StoredClockFacts>> {
  const ids = incidents.map((incident) => incident.id);
  const [changes, pauses] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          manager.find(IncidentSeverityChange, { where: { incidentId: In(ids) }, order: { sequence: 'ASC' } }),
          manager.find(IncidentClockPause, { where: { incidentId: In(ids) }, order: { startedAt: 'ASC', id: 'ASC' } }),
        ]);
  return new Map(
    incidents.map((incident) => [
      incident.id,
      {
        incident,
        severityChanges: changes.filter((change) => change.incidentId === incident.id),
        pauses: pauses.filter((pause) => pause.incidentId === incident.id),
      },
    ]),
  );
}

export async function clockFactsOfOne(manager: EntityManager, incident: Incident): Promise<StoredClockFacts> {
  return (await clockFactsOf(manager, [incident])).get(incident.id) as StoredClockFacts;
}
