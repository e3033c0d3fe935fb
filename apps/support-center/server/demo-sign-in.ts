// Development only: a one-click sign-in as the demo customer's admin or designated technician. The
// server finds them through the gateway as vendor staff and issues development tokens (libs/auth,
// never in production); in production this route does not exist and only the issuer's tokens work.
import { issueDevelopmentToken, type Principal } from '@polyplus/auth';

export type DemoIdentity = 'admin' | 'technician';

export const DEMO_IDENTITIES: readonly DemoIdentity[] = ['admin', 'technician'];

type Contact = { id: string; name: string; email: string; role: 'ADMIN' | 'TECHNICIAN'; designated: boolean };
type Customer = { id: string; name: string; contacts: Contact[] };

export type DemoSession = { token: string; name: string; customer: string; role: Principal['role']; designated: boolean };

export class DemoSignInError extends Error {}

// Who looks the demo customer up: vendor staff, as the demo loader is.
const LOOKUP: Principal = { subject: 'support-center-demo-sign-in', role: 'SUPPORT_ENGINEER', customerIds: [] };

/** The contact the demo identity signs in as: the admin, or a designated technician. */
export function demoContact(customer: Customer, identity: DemoIdentity): Contact | undefined {
  if (identity === 'admin') return customer.contacts.find((contact) => contact.role === 'ADMIN');
  return customer.contacts.find((contact) => contact.role === 'TECHNICIAN' && contact.designated);
}

/** The customer principal of a demo contact, as a real issuer would describe it. */
export function demoPrincipal(customer: Customer, contact: Contact): Principal {
  return {
    subject: contact.email,
    role: contact.role === 'ADMIN' ? 'CUSTOMER_ADMIN' : 'CUSTOMER_TECHNICIAN',
    customerIds: [customer.id],
    contactId: contact.id,
  };
}

/** Finds the demo customer's contact through the gateway and issues a 12-hour token for it. */
export async function demoSession(options: {
  gatewayUrl: string;
  customerName: string;
  identity: DemoIdentity;
  env?: NodeJS.ProcessEnv;
}): Promise<DemoSession> {
  const env = options.env ?? process.env;
  // Development tokens (libs/auth) are never issued with NODE_ENV=production, whatever calls this.
  const staffToken = await issueDevelopmentToken(LOOKUP, env, '5m');
  const response = await fetch(options.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${staffToken}` },
    body: JSON.stringify({ query: '{ customers { id name contacts { id name email role designated } } }' }),
    signal: AbortSignal.timeout(10_000),
  });
  const result = (await response.json()) as { data?: { customers: Customer[] }; errors?: { message: string }[] };
  if (!result.data) throw new DemoSignInError(`The gateway did not list the customers: ${result.errors?.[0]?.message ?? response.status}`);
  const customer = result.data.customers.find((candidate) => candidate.name === options.customerName);
  if (!customer) throw new DemoSignInError(`The demo customer ${options.customerName} is not there yet: load the demo data (npm run seed)`);
  const contact = demoContact(customer, options.identity);
  if (!contact)
    throw new DemoSignInError(`${options.customerName} has no ${options.identity === 'admin' ? 'admin' : 'designated technician'} contact`);
  const principal = demoPrincipal(customer, contact);
  return {
    token: await issueDevelopmentToken(principal, env, '12h'),
    name: contact.name,
    customer: customer.name,
    role: principal.role,
    designated: contact.designated,
  };
}
