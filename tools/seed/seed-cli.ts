// Loads the demo data, the Online Support Center's demo customer material and the dispatch board's demo day through a running gateway: GATEWAY_URL
// (default http://127.0.0.1:4000/graphql), as the demo support engineer (a token signed with the configured AUTH_JWT_KEYS).
import { DEMO_ENGINEER, tokenFor } from '@polyplus/local-stack';
import { seedDemo } from './seed-demo';
import { seedBoardDay } from './seed-board-day';
import { seedPortalDemo } from './seed-portal';

async function main(): Promise<void> {
  const gateway = { url: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql', token: await tokenFor(DEMO_ENGINEER) };
  await seedDemo(gateway);
  await seedPortalDemo(gateway);
  await seedBoardDay(gateway);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
