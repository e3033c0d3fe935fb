import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl, unguardedRootFields } from '@polyplus/subgraph-kit';
import { customersSubgraph } from './customers-subgraph';

it('the checked-in schema.graphql is what the customers subgraph code prints (npm run compose)', async () => {
  expect(await printSubgraphSdl(customersSubgraph)).toBe(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
});

it('every root field of the customers subgraph declares who may call it (fail-closed access policy)', async () => {
  expect(await unguardedRootFields(customersSubgraph)).toEqual([]);
});
