import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OnsiteVisit, OnsiteVisitStatus } from '@polyplus/dispatch-data';
import { londonTechnician, unplacedLondonVisit } from '@polyplus/testing';

// The dispatch tests' meeting-room work: visits that need the ROOM skill, technicians who have it.

/** A technician with the ROOM skill working 08:00–17:00, as plain values to save or to change first. */
export function roomTechnician(region: string, name: string) {
  return { ...londonTechnician(region), name, skills: ['ROOM'], workFrom: '08:00', workTo: '17:00' };
}

/** Saves an unplanned Severity 2 visit needing the ROOM skill at a London site. */
export function addRoomVisit(dataSource: DataSource, region: string, overrides: Partial<OnsiteVisit> = {}): Promise<OnsiteVisit> {
  const visits = dataSource.getRepository(OnsiteVisit);
  return visits.save(
    visits.create({
      ...unplacedLondonVisit(region),
      customerId: randomUUID(),
      status: OnsiteVisitStatus.UNPLANNED,
      requiredSkills: ['ROOM'],
      severity: 2,
      ...overrides,
    }),
  );
}
