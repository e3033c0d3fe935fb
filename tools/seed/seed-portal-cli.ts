// Loads the demo data and the Online Support Center's demo customer material through a running
// gateway (GATEWAY_URL, default http://127.0.0.1:4000/graphql), as `npm start` does: the portal's
// browser tests start from exactly what `npm start` shows.
import { DEMO_ENGINEER, tokenFor } from '@polyplus/local-stack';
import { seedDemo } from './seed-demo';
import { seedPortalDemo } from './seed-portal';

async function main(): Promise<void> {
  const gateway = { url: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql', token: await tokenFor(DEMO_ENGINEER) };
  const quiet = () => undefined;
  await seedDemo(gateway, quiet);
  await seedPortalDemo(gateway, quiet);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
