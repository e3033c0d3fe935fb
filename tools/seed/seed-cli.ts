// Loads the demo data through a running gateway: GATEWAY_URL (default http://127.0.0.1:4000/graphql),
// as the demo support engineer (a token signed with the configured AUTH_JWT_KEYS).
import { DEMO_ENGINEER, tokenFor } from '@polyplus/local-stack';
import { seedDemo } from './seed-demo';

async function main(): Promise<void> {
  await seedDemo({ url: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql', token: await tokenFor(DEMO_ENGINEER) });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
