import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl, unguardedRootFields } from '@polyplus/subgraph-kit';
import { notificationsSubgraph } from './notifications-subgraph';

it('the checked-in schema.graphql is what the notifications subgraph code prints (npm run compose)', async () => {
  expect(await printSubgraphSdl(notificationsSubgraph)).toBe(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
});

it('every root field of the notifications subgraph declares who may call it (fail-closed access policy)', async () => {
  expect(await unguardedRootFields(notificationsSubgraph)).toEqual([]);
});
