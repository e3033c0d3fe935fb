import type { SubgraphClient } from '@polyplus/subgraph-kit';
import type { ErasureSubject, ExportSubject } from './subject';
import type { ExportPage } from './export-page';
import type { PersonalDataErasure } from './personal-data.types';
import { personalDataFields } from './personal-data.resolver';

/** Another service's part of exports and erasures, as the customers service reaches it. */
export type PersonalDataPeer = {
  service: string;
  exportPage(subject: ExportSubject, after: string | null, limit: number): Promise<ExportPage>;
  erase(subject: ErasureSubject): Promise<PersonalDataErasure>;
};

/** The GraphQL documents the customers service sends a service (checked against its schema.graphql). */
export function personalDataDocuments(service: string): { exportPage: string; erase: string } {
  const { exportField, eraseField } = personalDataFields(service);
  return {
    exportPage: `query PersonalDataPage($subject: PersonalDataSubjectInput!, $after: String, $limit: Int!) { page: ${exportField}(subject: $subject, after: $after, limit: $limit) { records { section data } next } }`,
    erase: `mutation ErasePersonalData($subject: ErasureSubjectInput!) { erased: ${eraseField}(subject: $subject) { changedRows deletedFiles } }`,
  };
}

/** A service's personal-data fields over its GraphQL API, called as a SERVICE principal. */
export function personalDataPeer(service: string, client: SubgraphClient): PersonalDataPeer {
  const documents = personalDataDocuments(service);
  return {
    service,
    async exportPage(subject, after, limit) {
      const { page } = await client.request<{ page: ExportPage }>(documents.exportPage, { subject: exportSubjectInput(subject), after, limit });
      return page;
    },
    async erase(subject) {
      const { erased } = await client.request<{ erased: PersonalDataErasure }>(documents.erase, { subject });
      return erased;
    },
  };
}

function exportSubjectInput(subject: ExportSubject): ExportSubject {
  return { customerId: subject.customerId, contactId: subject.contactId ?? null, email: subject.email ?? null, incidentIds: subject.incidentIds ?? null };
}
