import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { personalDataDocuments } from '@polyplus/privacy';
import { PERSONAL_DATA_SERVICES } from './personal-data-peers';

describe('what the customers service sends each service about personal data', () => {
  it.each(PERSONAL_DATA_SERVICES)('the export and erasure documents sent to %s are valid against its checked-in schema.graphql', (service) => {
    const schema = buildSubgraphSchema(parse(readFileSync(join(__dirname, '..', '..', '..', service, 'schema.graphql'), 'utf8')));
    const documents = personalDataDocuments(service);
    expect(validate(schema, parse(documents.exportPage))).toEqual([]);
    expect(validate(schema, parse(documents.erase))).toEqual([]);
  });
});
