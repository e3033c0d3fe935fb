import { serviceDocumentErrors, serviceDocumentsIn } from '@polyplus/testing';
import * as entitlementDirectory from './incident/entitlement-directory';
import * as customerDirectory from './incident/customer-directory';
import * as customerRegistry from './security-notice/customer-registry';
import * as attachmentRetention from './attachment/attachment-retention';

// A field renamed or removed in a callee fails here, not in production.
describe('the documents the incidents service sends other subgraphs', () => {
  it.each(serviceDocumentsIn(entitlementDirectory, customerDirectory, customerRegistry, attachmentRetention))(
    '%s is valid against the callee’s committed schema.graphql',
    (_name, document) => {
      expect(serviceDocumentErrors(document)).toEqual([]);
    },
  );
});
