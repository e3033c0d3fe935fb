import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph } from './compose-supergraph';

const read = (file: string) => readFileSync(join(__dirname, '..', '..', '..', file), 'utf8');

describe('supergraph', () => {
  it('the checked-in supergraph is the composition of the checked-in subgraph schemas (npm run compose)', () => {
    expect(composeSupergraph((name) => read(`apps/${name}/schema.graphql`))).toBe(read('apps/gateway/supergraph.graphql'));
  });

  it('composition fails loudly when two subgraphs disagree on a shared type', () => {
    const clash = 'type Incident @key(fields: "id") { id: ID! severity: String! }\n';
    const broken = (name: string) => read(`apps/${name}/schema.graphql`) + (name === 'devices' ? clash : '');
    expect(() => composeSupergraph(broken)).toThrow(/Supergraph composition failed/);
  });
});
