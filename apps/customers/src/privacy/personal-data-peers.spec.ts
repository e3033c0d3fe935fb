import { personalDataDocuments } from '@polyplus/privacy';
import { serviceDocumentErrors } from '@polyplus/testing';
import { PERSONAL_DATA_SERVICES } from './personal-data-peers';

describe('what the customers service sends each service about personal data', () => {
  it.each(PERSONAL_DATA_SERVICES)(
    'the export and erasure documents sent to %s are valid against its checked-in schema.graphql',
    (service) => {
      const documents = personalDataDocuments(service);
      expect(serviceDocumentErrors(documents.exportPage)).toEqual([]);
      expect(serviceDocumentErrors(documents.erase)).toEqual([]);
    },
  );
});
