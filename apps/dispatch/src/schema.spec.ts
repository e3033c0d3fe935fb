import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl, unguardedRootFields } from '@polyplus/subgraph-kit';
import { dispatchSubgraph } from './dispatch-subgraph';

it('the checked-in schema.graphql is what the dispatch subgraph code prints (npm run compose)', async () => {
  expect(await printSubgraphSdl(dispatchSubgraph)).toBe(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
});

it('every root field of the dispatch subgraph declares who may call it (fail-closed access policy)', async () => {
  expect(await unguardedRootFields(dispatchSubgraph)).toEqual([]);
});
