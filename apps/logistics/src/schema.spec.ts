import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl, unguardedRootFields } from '@polyplus/subgraph-kit';
import { logisticsSubgraph } from './logistics-subgraph';

it('the checked-in schema.graphql is what the logistics subgraph code prints (npm run compose)', async () => {
  expect(await printSubgraphSdl(logisticsSubgraph)).toBe(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
});

it('every root field of the logistics subgraph declares who may call it (fail-closed access policy)', async () => {
  expect(await unguardedRootFields(logisticsSubgraph)).toEqual([]);
});
