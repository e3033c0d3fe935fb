import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl } from '@polyplus/subgraph-kit';
import { logisticsSubgraph } from './logistics-subgraph';

it('the checked-in schema.graphql is what the logistics subgraph code prints (npm run compose)', async () => {
  expect(await printSubgraphSdl(logisticsSubgraph)).toBe(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
});
