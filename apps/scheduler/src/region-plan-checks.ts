import type { DataSource } from 'typeorm';
import { OnsiteVisit } from '@polyplus/dispatch-data';

/** Every visit of the region is in plan version 1, placed or with the reason it could not be, and some are placed. */
export async function expectCompleteFirstPlan(dataSource: DataSource, region: string, visitIds: string[]): Promise<OnsiteVisit[]> {
  const stored = await dataSource.getRepository(OnsiteVisit).findBy({ region });
  expect(stored.map((visit) => visit.id).sort()).toEqual([...visitIds].sort());
  expect(stored.every((visit) => visit.planVersion === 1 && (visit.status === 'PLANNED' || visit.unassignedReason !== null))).toBe(true);
  const planned = stored.filter((visit) => visit.status === 'PLANNED');
  expect(planned.length).toBeGreaterThan(0);
  return planned;
}
