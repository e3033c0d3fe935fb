import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl, unguardedRootFields } from '@polyplus/subgraph-kit';
import { devicesSubgraph } from './devices-subgraph';

it('the checked-in schema.graphql is what the devices subgraph code prints (npm run compose)', async () => {
  expect(await printSubgraphSdl(devicesSubgraph)).toBe(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
});

it('every root field of the devices subgraph declares who may call it (fail-closed access policy)', async () => {
  expect(await unguardedRootFields(devicesSubgraph)).toEqual([]);
});
