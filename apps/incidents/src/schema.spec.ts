import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl, unguardedRootFields } from '@polyplus/subgraph-kit';
import { incidentsSubgraph } from './incidents-subgraph';

it('the checked-in schema.graphql is what the incidents subgraph code prints (npm run compose)', async () => {
  expect(await printSubgraphSdl(incidentsSubgraph)).toBe(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
});

it('every root field of the incidents subgraph declares who may call it (fail-closed access policy)', async () => {
  expect(await unguardedRootFields(incidentsSubgraph)).toEqual([]);
});
