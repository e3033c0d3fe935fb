import { serviceDocumentErrors, serviceDocumentsIn } from '@polyplus/testing';
import * as siteDirectory from './site/site-directory';
import * as caseDirectory from './intake/case-directory';
import * as onsiteVisitService from './onsite-visit/onsite-visit.service';

// A field renamed or removed in a callee fails here, not in production.
describe('the documents the dispatch service sends other subgraphs', () => {
  it.each(serviceDocumentsIn(siteDirectory, caseDirectory, onsiteVisitService))(
    '%s is valid against the callee’s committed schema.graphql',
    (_name, document) => {
      expect(serviceDocumentErrors(document)).toEqual([]);
    },
  );
});
