import { sendDocument, serviceDocument, type ServiceDocument, type SubgraphClient, type SubgraphName } from '@polyplus/subgraph-kit';
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

export type PersonalDataDocuments = {
  exportPage: ServiceDocument<{ page: ExportPage }, { subject: ExportSubject; after: string | null; limit: number }>;
  erase: ServiceDocument<{ erased: PersonalDataErasure }, { subject: ErasureSubject }>;
};

/**
 * The GraphQL documents the customers service sends a service: one pair per service, as each names
 * its fields after itself (checked against its schema.graphql).
 */
export function personalDataDocuments(service: SubgraphName): PersonalDataDocuments {
  const { exportField, eraseField } = personalDataFields(service);
  return {
    exportPage: serviceDocument(
      service,
      `query PersonalDataPage($subject: PersonalDataSubjectInput!, $after: String, $limit: Int!) { page: ${exportField}(subject: $subject, after: $after, limit: $limit) { records { section data } next } }`,
    ),
    erase: serviceDocument(
      service,
      `mutation ErasePersonalData($subject: ErasureSubjectInput!) { erased: ${eraseField}(subject: $subject) { changedRows deletedFiles } }`,
    ),
  };
}

/** A service's personal-data fields over its GraphQL API, called as a SERVICE principal. */
export function personalDataPeer(service: SubgraphName, client: SubgraphClient): PersonalDataPeer {
  const documents = personalDataDocuments(service);
  return {
    service,
    async exportPage(subject, after, limit) {
      const { page } = await sendDocument(client, documents.exportPage, { subject: exportSubjectInput(subject), after, limit });
      return page;
    },
    async erase(subject) {
      const { erased } = await sendDocument(client, documents.erase, { subject });
      return erased;
    },
  };
}

function exportSubjectInput(subject: ExportSubject): ExportSubject {
  return {
    customerId: subject.customerId,
    contactId: subject.contactId ?? null,
    email: subject.email ?? null,
    incidentIds: subject.incidentIds ?? null,
  };
}
