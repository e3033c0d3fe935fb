// The product's gateway as main.ts starts it, but with the parts named in BENCH_GATEWAY_WITHOUT
// (comma-separated: subscriptions, query-limits) left out, so the benchmark can weigh what each costs.
// With BENCH_PROFILE_FILE it records a V8 CPU profile from the moment it serves until it is stopped
// (start-up, mostly compiling TypeScript on load, left out) and writes it there.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { serviceLogger } from '@polyplus/logger';
import { stopOnSignals } from '@polyplus/subgraph-kit';
import { startGateway } from '../../../apps/gateway/src/gateway';

const without = new Set((process.env.BENCH_GATEWAY_WITHOUT ?? '').split(',').filter(Boolean));
for (const part of without)
  if (part !== 'subscriptions' && part !== 'query-limits') throw new Error(`BENCH_GATEWAY_WITHOUT: no part "${part}"`);

async function profiled(): Promise<() => Promise<void>> {
  const file = process.env.BENCH_PROFILE_FILE;
  if (!file) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
  };
}

async function main(): Promise<void> {
  const server = await startGateway({ parts: { subscriptions: !without.has('subscriptions'), queryLimits: !without.has('query-limits') } });
  const writeProfile = await profiled();
  stopOnSignals(async () => {
    await writeProfile();
    await server.stop();
  });
}

main().catch((error) => {
  serviceLogger().error({ err: error }, 'gateway did not start');
  process.exit(1);
});
