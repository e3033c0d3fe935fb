import { serviceDocument } from '@polyplus/subgraph-kit';
import { answer, fakeSubgraphClient } from './fake-subgraph-client';
import { serviceDocumentErrors, serviceDocumentsIn } from './service-document-check';

const SITE_ZONE = serviceDocument<{ site: { timeZone: string } | null }, { id: string }>(
  'customers',
  'query SiteZone($id: ID!) { site(id: $id) { timeZone } }',
);
const RENAMED_FIELD = serviceDocument<{ site: { zone: string } | null }, { id: string }>(
  'customers',
  'query SiteZone($id: ID!) { site(id: $id) { zone } }',
);

describe('service-to-service documents checked against the callee’s committed schema', () => {
  it('a document that selects what the callee serves has no errors', () => {
    expect(serviceDocumentErrors(SITE_ZONE)).toEqual([]);
  });

  it('a field the callee does not have is reported by name', () => {
    expect(serviceDocumentErrors(RENAMED_FIELD)).toEqual([expect.stringContaining('"zone"')]);
  });

  it('federation’s _entities look-up is part of every subgraph’s schema', () => {
    const entities = serviceDocument<unknown, { r: unknown[] }>(
      'customers',
      'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id } } }',
    );
    expect(serviceDocumentErrors(entities)).toEqual([]);
  });

  it('finds the documents among a module’s exports and nothing else', () => {
    expect(serviceDocumentsIn({ SITE_ZONE, other: 'query { x }', count: 1 })).toEqual([['SITE_ZONE', SITE_ZONE]]);
  });
});

describe('a test double built from the documents', () => {
  it('answers a document it was given from the variables sent', async () => {
    const customers = fakeSubgraphClient(answer(SITE_ZONE, ({ id }) => ({ site: id === 'known' ? { timeZone: 'Europe/London' } : null })));
    await expect(customers.request(SITE_ZONE.text, { id: 'known' })).resolves.toEqual({ site: { timeZone: 'Europe/London' } });
    await expect(customers.request(SITE_ZONE.text, { id: 'other' })).resolves.toEqual({ site: null });
  });

  it('refuses a document it was not given, even one naming the same field', async () => {
    const customers = fakeSubgraphClient(answer(SITE_ZONE, () => ({ site: null })));
    await expect(customers.request('query Other($id: ID!) { site(id: $id) { timeZone countryCode } }', { id: 'x' })).rejects.toThrow(
      'does not answer',
    );
  });

  it('cannot be built for a document the callee would refuse', () => {
    expect(() => fakeSubgraphClient(answer(RENAMED_FIELD, () => ({ site: null })))).toThrow('invalid against its schema.graphql');
  });
});
