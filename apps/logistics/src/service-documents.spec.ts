import { serviceDocumentErrors, serviceDocumentsIn } from '@polyplus/testing';
import * as destinationDirectory from './replacement-order/destination-directory';

// A field renamed or removed in a callee fails here, not in production.
describe('the documents the logistics service sends other subgraphs', () => {
  it.each(serviceDocumentsIn(destinationDirectory))('%s is valid against the callee’s committed schema.graphql', (_name, document) => {
    expect(serviceDocumentErrors(document)).toEqual([]);
  });
});
