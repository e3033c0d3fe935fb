// The whole product on this machine: checks MySQL and Redis, starts every service (each migrates
// its own database), loads the demo data, and prints where to go. Ctrl-C stops everything.
import { checkDependencies, DEMO_ENGINEER, startStack, tokenFor } from '@polyplus/local-stack';
import { seedDemo } from '../seed/seed-demo';

async function main(): Promise<void> {
  await checkDependencies();
  const stack = await startStack();
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping…');
    stack.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const token = await tokenFor(DEMO_ENGINEER, stack.env);
  await seedDemo({ url: stack.gatewayUrl, token });
  console.log(`
Poly+ Support Platform is running.
  Gateway (GraphQL):  ${stack.gatewayUrl}
  Gateway health:     ${stack.gatewayUrl.replace(/\/graphql$/, '/health')}
  Support engineer token (12 h; more with npm run token):
    Authorization: Bearer ${token}
Press Ctrl-C to stop.`);
}

main().catch((error) => {
  console.error(`\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
