import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OnsiteVisit, OnsiteVisitStatus, Technician } from '@polyplus/dispatch-data';

/** Monday 30 November 2026, 07:00 in London: the tests' "now". */
export const MONDAY_7AM = new Date('2026-11-30T07:00:00Z');

export function addTechnician(dataSource: DataSource, region: string, overrides: Partial<Technician> = {}): Promise<Technician> {
  const technicians = dataSource.getRepository(Technician);
  return technicians.save(
    technicians.create({
      id: randomUUID(),
      name: 'Tech',
      region,
      skills: ['PRINTER'],
      homeLatitude: 51.45,
      homeLongitude: -0.1,
      timeZone: 'Europe/London',
      workFrom: '07:00',
      workTo: '19:00',
      maxDailyWorkMinutes: 600,
      ...overrides,
    }),
  );
}

export function addVisit(dataSource: DataSource, region: string, overrides: Partial<OnsiteVisit> = {}): Promise<OnsiteVisit> {
  const visits = dataSource.getRepository(OnsiteVisit);
  return visits.save(
    visits.create({
      id: randomUUID(),
      incidentId: randomUUID(),
      siteId: randomUUID(),
      region,
      status: OnsiteVisitStatus.UNPLANNED,
      technicianId: null,
      windowStart: null,
      windowEnd: null,
      latitude: 51.5,
      longitude: -0.12,
      siteTimeZone: 'Europe/London',
      siteCountryCode: 'GB',
      siteSubdivision: 'ENG',
      releaseAt: null,
      durationMinutes: 120,
      requiredSkills: ['PRINTER'],
      severity: 3,
      pinned: false,
      ...overrides,
    }),
  );
}
