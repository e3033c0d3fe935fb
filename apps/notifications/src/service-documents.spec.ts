import { serviceDocumentErrors, serviceDocumentsIn } from '@polyplus/testing';
import * as customerDirectory from './directory/customer-directory';
import * as caseDirectory from './directory/case-directory';
import * as orderDirectory from './directory/order-directory';

// A field renamed or removed in a callee fails here, not in production.
describe('the documents the notifications service sends other subgraphs', () => {
  it.each(serviceDocumentsIn(customerDirectory, caseDirectory, orderDirectory))(
    '%s is valid against the callee’s committed schema.graphql',
    (_name, document) => {
      expect(serviceDocumentErrors(document)).toEqual([]);
    },
  );
});
