// Development token issuer: prints a bearer token for a principal, signed with the configured keys.
//   npm run token -- SUPPORT_ENGINEER engineer-1
//   npm run token -- CUSTOMER_ADMIN alice <customerId>
//   npm run token -- PARTNER teams-connector <customerId>,<customerId>
import { authConfig, issueToken, ROLES, type Role } from '@polyplus/auth';

async function main(): Promise<void> {
  const [role, subject, customers = '', contactId] = process.argv.slice(2);
  // Services sign their own calls, and anonymous callers (PUBLIC) send no token at all.
  const issuable: readonly Role[] = ROLES.filter((r) => r !== 'SERVICE' && r !== 'PUBLIC');
  if (!issuable.includes(role as Role) || !subject) {
    throw new Error(`usage: issue-dev-token.ts <${issuable.join('|')}> <subject> [customerId,...] [contactId]`);
  }
  const customerIds = customers.split(',').filter(Boolean);
  console.log(await issueToken({ subject, role: role as Role, customerIds, contactId }, authConfig(), '12h'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
