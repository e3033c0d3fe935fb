// The whole product on this machine: checks MySQL and Redis, starts every service (each migrates
// its own database), loads the demo data, and prints where to go. Ctrl-C stops everything.
import { boardSignInUrl, checkDependencies, DEMO_ENGINEER, queueDashboardSignInUrl, startStack, tokenFor } from '@polyplus/local-stack';
import { seedDemo } from '../seed/seed-demo';
import { DEMO_BOARD_REGION, seedBoardDay } from '../seed/seed-board-day';
import { PORTAL_DEMO_CUSTOMER, seedPortalDemo } from '../seed/seed-portal';

async function main(): Promise<void> {
  await checkDependencies();
  const stack = await startStack({ board: true, portal: true, ide: true, mail: { directory: 'tmp/mail', page: true } });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping…');
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // If the command that started us goes away without a signal reaching us, stop rather than linger.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(), 1_000).unref();
  const token = await tokenFor(DEMO_ENGINEER, stack.env);
  await seedDemo({ url: stack.gatewayUrl, token });
  await seedPortalDemo({ url: stack.gatewayUrl, token });
  const boardDay = await seedBoardDay({ url: stack.gatewayUrl, token });
  console.log(`
Poly+ Support Platform is running.
  Gateway (GraphQL):  ${stack.gatewayUrl}   (open it in a browser: GraphiQL, signed in as the demo support engineer)
  Gateway health:     ${stack.gatewayUrl.replace(/\/graphql$/, '/health')}
  Queue dashboard (BullMQ), signed in as the demo support engineer (retry, clean):
    ${queueDashboardSignInUrl(stack.gatewayUrl)}
    (read-only as the demo planner: ${queueDashboardSignInUrl(stack.gatewayUrl, 'planner')})
  Online Support Center (customers): ${stack.portalUrl}
    signed in as ${PORTAL_DEMO_CUSTOMER}'s designated technician: ${stack.portalUrl}?sign-in=technician
    signed in as its customer admin (not a designated contact):  ${stack.portalUrl}?sign-in=admin
  Dispatch board, signed in as the demo planner:
    ${boardSignInUrl(stack.boardUrl as string, { region: DEMO_BOARD_REGION, date: boardDay?.date ?? undefined })}
    (other planners sign in with a token: npm run token -- DISPATCH_PLANNER <name>)
  Mail (development: nothing leaves this machine):
    sent by the product:   ${stack.mail.page?.url ?? ''}  (files: ${stack.mail.sentDir ?? `SMTP_URL=${stack.env.SMTP_URL}`})
    received:              ${stack.mail.receivedDir}
    send serial lists to   ${stack.mail.serialListAddress} at ${stack.mail.receiverUrl} as a designated contact
  Support engineer token (12 h; more with npm run token):
    Authorization: Bearer ${token}
Press Ctrl-C to stop.`);
}

main().catch((error) => {
  console.error(`\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
