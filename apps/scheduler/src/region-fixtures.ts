import type { DataSource } from 'typeorm';
import { OnsiteVisit, OnsiteVisitStatus, Technician } from '@polyplus/dispatch-data';
import { londonTechnician, unplacedLondonVisit } from '@polyplus/testing';

/** Monday 30 November 2026, 07:00 in London: the tests' "now". */
export const MONDAY_7AM = new Date('2026-11-30T07:00:00Z');

export function addTechnician(dataSource: DataSource, region: string, overrides: Partial<Technician> = {}): Promise<Technician> {
  const technicians = dataSource.getRepository(Technician);
  return technicians.save(
    technicians.create({ ...londonTechnician(region), skills: ['PRINTER'], workFrom: '07:00', workTo: '19:00', ...overrides }),
  );
}

export function addVisit(dataSource: DataSource, region: string, overrides: Partial<OnsiteVisit> = {}): Promise<OnsiteVisit> {
  const visits = dataSource.getRepository(OnsiteVisit);
  return visits.save(
    visits.create({
      ...unplacedLondonVisit(region),
      status: OnsiteVisitStatus.UNPLANNED,
      releaseAt: null,
      requiredSkills: ['PRINTER'],
      severity: 3,
      pinned: false,
      ...overrides,
    }),
  );
}

/** Three technicians working 08:00–17:00 and `visitCount` visits spread north–south: a run that takes the optimiser a while. */
export async function addBusyRegion(dataSource: DataSource, region: string, visitCount: number): Promise<OnsiteVisit[]> {
  for (let index = 0; index < 3; index++) await addTechnician(dataSource, region, { workFrom: '08:00', workTo: '17:00' });
  return Promise.all(Array.from({ length: visitCount }, (_, index) => addVisit(dataSource, region, { latitude: 51.3 + index * 0.01 })));
}
