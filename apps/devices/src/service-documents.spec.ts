import { serviceDocumentErrors, serviceDocumentsIn } from '@polyplus/testing';
import * as customerDirectory from './device/customer-directory';
import * as coverageDirectory from './coverage/coverage-directory';

// A field renamed or removed in a callee fails here, not in production.
describe('the documents the devices service sends other subgraphs', () => {
  it.each(serviceDocumentsIn(customerDirectory, coverageDirectory))(
    '%s is valid against the callee’s committed schema.graphql',
    (_name, document) => {
      expect(serviceDocumentErrors(document)).toEqual([]);
    },
  );
});
