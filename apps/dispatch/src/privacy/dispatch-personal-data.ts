import type { DataSource } from 'typeorm';
import { OnsiteVisit } from '@polyplus/dispatch-data';
import {
  exportedCases,
  MappedPersonalData,
  OUTBOX_EVENT_PERSONAL_DATA,
  personalDataResolver,
  querySection,
  type ExportSection,
  type ExportSubject,
  type PersonalDataMap,
} from '@polyplus/privacy';

/** Every table of the dispatch service: where a contact's name or address may be, and why the others hold none. */
export const DISPATCH_PERSONAL_DATA: PersonalDataMap = [
  OUTBOX_EVENT_PERSONAL_DATA,
  { table: 'onsite_visit', holdsNoPersonalData: 'visits to the customer’s sites: case, site, window, technician' },
  { table: 'technician', holdsNoPersonalData: 'the vendor’s field technicians' },
  { table: 'technician_absence', holdsNoPersonalData: 'the vendor’s field technicians’ absences' },
  { table: 'region_plan', holdsNoPersonalData: 'plan versions per region' },
  { table: 'part_arrival', holdsNoPersonalData: 'when replacement parts are expected' },
];

/** The onsite visits of the customer's cases (for a contact, of the cases they reported). */
export function dispatchExportSections(dataSource: DataSource, subject: ExportSubject): ExportSection[] {
  const cases = exportedCases(subject);
  if (!cases) return [];
  const { contact, incidentIds } = cases;
  return [
    querySection('onsiteVisits', {
      key: 'id',
      query: () =>
        dataSource
          .getRepository(OnsiteVisit)
          .createQueryBuilder('visit')
          .where(`visit.customerId = :customerId${contact ? ' AND visit.incidentId IN (:...incidentIds)' : ''}`, {
            customerId: subject.customerId,
            incidentIds,
          }),
    }),
  ];
}

/** The dispatch service's part of personal-data exports and erasures. */
export class DispatchPersonalData extends MappedPersonalData {
  constructor(dataSource: DataSource) {
    super(dataSource, DISPATCH_PERSONAL_DATA, dispatchExportSections);
  }
}

export const DispatchPersonalDataResolver = personalDataResolver('dispatch');
