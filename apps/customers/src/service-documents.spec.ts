import { serviceDocumentErrors, serviceDocumentsIn } from '@polyplus/testing';
import * as deviceDirectory from './contract/device-directory';

// A field renamed or removed in a callee fails here, not in production.
describe('the documents the customers service sends other subgraphs', () => {
  it.each(serviceDocumentsIn(deviceDirectory))('%s is valid against the callee’s committed schema.graphql', (_name, document) => {
    expect(serviceDocumentErrors(document)).toEqual([]);
  });
});
