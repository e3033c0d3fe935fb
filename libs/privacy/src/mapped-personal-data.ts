import type { DataSource, EntityManager } from 'typeorm';
import { applyErasurePlan, type Condition, type ErasureTarget, type PersonalDataMap } from './erasure-plan';
import { readExportPage, type ExportPage, type ExportSection } from './export-page';
import type { PersonalDataService } from './personal-data.resolver';
import type { PersonalDataErasure } from './personal-data.types';
import type { ErasureSubject, ExportSubject } from './subject';

/** The rows of a table whose `customerId` column names the subject's customer. */
export const ofCustomer = (subject: { customerId: string }): Condition => ({ sql: '`customerId` = ?', params: [subject.customerId] });

/**
 * The outbox of a service that appends domain events: the payloads carry the customer's id and may
 * name the contact in free text, so the customer's events are pseudonymised like any other text.
 */
export const OUTBOX_EVENT_PERSONAL_DATA: ErasureTarget = {
  table: 'outbox_event',
  scope: (subject) => ({ sql: '`payload` LIKE ?', params: [`%${subject.customerId}%`] }),
  key: 'sequence',
  text: ['payload'],
};

/** The export sections of a service for one subject. */
export type ExportSections = (dataSource: DataSource, subject: ExportSubject) => ExportSection[];

/** Work of a service's own erasure besides its map (e.g. stopping mail), in the same transaction; answers the rows it changed. */
export type ErasureStep = (manager: EntityManager, subject: ErasureSubject) => Promise<number>;

/**
 * A service's part of exports and erasures when the export is its sections and the erasure is its
 * personal-data map applied in one transaction (after an optional step of its own); it deletes no files.
 */
export class MappedPersonalData implements PersonalDataService {
  constructor(
    protected readonly dataSource: DataSource,
    private readonly map: PersonalDataMap,
    private readonly sections: ExportSections,
    private readonly step?: ErasureStep,
  ) {}

  exportPage(subject: ExportSubject, after: string | null, limit: number): Promise<ExportPage> {
    return readExportPage(this.sections(this.dataSource, subject), after, limit);
  }

  async erase(subject: ErasureSubject): Promise<PersonalDataErasure> {
    const changedRows = await this.dataSource.transaction(
      async (manager) => (this.step ? await this.step(manager, subject) : 0) + (await applyErasurePlan(manager, this.map, subject)),
    );
    return { changedRows, deletedFiles: 0 };
  }
}
